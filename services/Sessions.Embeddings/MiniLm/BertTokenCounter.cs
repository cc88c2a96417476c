using Microsoft.ML.Tokenizers;
using Sessions.Text;

namespace Sessions.Embeddings.MiniLm;

/// <summary>
/// Word pieces of all-MiniLM-L6-v2's own tokenizer (Microsoft.ML.Tokenizers' <see cref="BertTokenizer"/> over the vocab the
/// model package carries): what the embedding window is measured in. [CLS] and [SEP] are not counted.
/// </summary>
public sealed class BertTokenCounter(BertTokenizer tokenizer) : ITokenCounter
{
    private static readonly Lazy<BertTokenCounter> Shared = new(() =>
    {
        using var vocab = MiniLmModel.OpenResource(MiniLmModel.PackageAssembly, "vocab.txt");
        return new BertTokenCounter(MiniLmModel.CreateTokenizer(vocab));
    });

    /// <summary>The model's tokenizer, without loading the model.</summary>
    public static BertTokenCounter MiniLm => Shared.Value;

    public int Count(string text) => tokenizer.CountTokens(text, considerPreTokenization: true, considerNormalization: true);

    /// <summary>
    /// Whole whitespace-separated words while they fit: BERT splits on whitespace before anything else, so the words'
    /// counts add up to the text's, and the cut falls in the original text (normalisation changes lengths, so the
    /// tokenizer's own index into the normalised text would not).
    /// </summary>
    public string Truncate(string text, int maxTokens)
    {
        var used = 0;
        var end = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i == start) break;
            used += Count(text[start..i]);
            if (used > maxTokens) break;
            end = i;
        }

        return end >= text.Length ? text : text[..end];
    }
}
