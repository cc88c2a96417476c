using Sessions.Contracts;

namespace Sessions.Validator.Quality;

/// <summary>
/// What the quality checks look at for one example. <paramref name="Text"/> is the example's text as the model will
/// see it (its messages' contents joined by newlines); <paramref name="TokenCount"/> is the stored token count;
/// <paramref name="Embedding"/> is null when the example has none yet (the embedding checks are then skipped).
/// </summary>
public sealed record QualityInput(string Text, int TokenCount, float[]? Embedding = null);

/// <summary>
/// The score in [0,1], every reason (also the flags of an accepted example), and the signals behind them.
/// Rejected when the score is below the minimum or any hard failure was found.
/// </summary>
public sealed record QualityAssessment(double Score, bool Accepted, IReadOnlyList<RejectionReason> Reasons, TextQualitySignals Signals)
{
    public IEnumerable<string> Codes => Reasons.Select(r => r.Code);
}
