using Sessions.Validator.Quality;
using Sessions.Text;

namespace Sessions.Validator.Validation;

/// <summary>An example as the validator sees it: its hash, length, last exchange, the reply's stored embedding, and whether it is an augmented copy.</summary>
public sealed record ExampleCandidate(long Id, string ContentHash, int TokenCount, ExchangeText Text, float[]? Embedding = null, bool IsCopy = false)
{
    public QualityInput Quality => new(Text.Combined, TokenCount, Embedding);
}
