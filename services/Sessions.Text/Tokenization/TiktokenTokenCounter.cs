using Microsoft.ML.Tokenizers;

namespace Sessions.Text.Tokenization;

/// <summary>
/// Tokens of the fine-tuning target model's tokenizer (tiktoken <c>o200k_base</c> for GPT-4o and later by default,
/// <c>cl100k_base</c> for GPT-4 and GPT-3.5), from Microsoft.ML.Tokenizers with the encodings' data packages (offline).
/// Example budgets, the validator's sequence length and the dataset card are counted in it.
/// </summary>
public sealed class TiktokenTokenCounter : ITokenCounter
{
    public const string O200kBase = "o200k_base";
    public const string Cl100kBase = "cl100k_base";

    private static readonly Lazy<TiktokenTokenCounter> O200k = new(() => new TiktokenTokenCounter(O200kBase));
    private static readonly Lazy<TiktokenTokenCounter> Cl100k = new(() => new TiktokenTokenCounter(Cl100kBase));
    private readonly TiktokenTokenizer _tokenizer;

    private TiktokenTokenCounter(string encoding)
    {
        Encoding = encoding;
        _tokenizer = TiktokenTokenizer.CreateForEncoding(encoding);
    }

    public string Encoding { get; }

    /// <summary>The process's counter for an encoding (loading one takes a few hundred milliseconds, so each is loaded once).</summary>
    public static TiktokenTokenCounter For(string? encoding) => (encoding ?? O200kBase).Trim().ToLowerInvariant() switch
    {
        "" or O200kBase => O200k.Value,
        Cl100kBase => Cl100k.Value,
        var other => throw new InvalidOperationException($"Tokens:Encoding '{other}' is not available; use '{O200kBase}' (the default) or '{Cl100kBase}'"),
    };

    public int Count(string text) => _tokenizer.CountTokens(text);

    public string Truncate(string text, int maxTokens)
    {
        // tiktoken does not normalise, so the index is into the text itself.
        var end = _tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return end >= text.Length ? text : text[..end];
    }
}
