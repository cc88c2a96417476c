using System.Text;

namespace Sessions.Text;

/// <summary>
/// An ESTIMATE of WordPiece/BPE token counts, not an exact tokenizer: a short word is one token, a long
/// word one token per six characters, every symbol or punctuation mark one token, and every letter of a
/// script without spaces (CJK and the like) one token.
/// </summary>
public sealed class ApproximateTokenCounter : ITokenCounter
{
    private const int CharsPerWordPiece = 6;
    private const int WholeWordLength = 8;

    public int Count(string text) => Scan(text, int.MaxValue).Tokens;

    public string Truncate(string text, int maxTokens)
    {
        var (_, end) = Scan(text, maxTokens);
        return end >= text.Length ? text : text[..end];
    }

    /// <summary>Counts tokens up to <paramref name="limit"/>; returns the count and where the text within the limit ends.</summary>
    private static (int Tokens, int End) Scan(string text, int limit)
    {
        var tokens = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune))
            {
                rune = Rune.ReplacementChar;
            }

            var width = Math.Max(1, rune.Utf16SequenceLength);
            if (Rune.IsWhiteSpace(rune))
            {
                i += width;
                continue;
            }

            int cost;
            var start = i;
            if (Rune.IsLetterOrDigit(rune) && rune.Value < 0x2E80)
            {
                var length = 0;
                while (i < text.Length && Rune.TryGetRuneAt(text, i, out var r) && Rune.IsLetterOrDigit(r) && r.Value < 0x2E80)
                {
                    i += r.Utf16SequenceLength;
                    length++;
                }

                cost = length <= WholeWordLength ? 1 : (length + CharsPerWordPiece - 1) / CharsPerWordPiece;
            }
            else
            {
                i += width;
                cost = 1;
            }

            if (tokens + cost > limit)
            {
                return (tokens, start);
            }

            tokens += cost;
        }

        return (tokens, text.Length);
    }
}
