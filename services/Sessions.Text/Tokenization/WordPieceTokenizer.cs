using System.Globalization;
using System.Text;

namespace Sessions.Text.Tokenization;

/// <summary>
/// The EXACT token count of BERT's uncased WordPiece tokenizer, the one sentence-transformers/all-MiniLM-L6-v2
/// uses: clean, split on whitespace, punctuation and CJK ideographs, lower-case, strip accents, then greedy
/// longest-match-first word pieces (a word that cannot be pieced, or is longer than 100 characters, is one
/// [UNK]). [CLS]/[SEP] are not counted. The vocabulary ships with the project (see LICENSE-vocab.txt).
/// </summary>
public sealed class WordPieceTokenizer : ITokenCounter
{
    private const int MaxWordChars = 100;
    private readonly HashSet<string> _vocabulary;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordPieceTokenizer(IEnumerable<string> vocabulary)
    {
        _vocabulary = new HashSet<string>(vocabulary, StringComparer.Ordinal);
        _lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The bert-base-uncased vocabulary embedded in this assembly.</summary>
    public static WordPieceTokenizer BertBaseUncased { get; } = new(ReadEmbeddedVocabulary());

    public int Count(string text) => Scan(text, int.MaxValue).Tokens;

    public string Truncate(string text, int maxTokens)
    {
        var end = Scan(text, maxTokens).End;
        return end >= text.Length ? text : text[..end];
    }

    /// <summary>Tokens up to <paramref name="limit"/>, and where in the original text the last whole word within it ends.</summary>
    private (int Tokens, int End) Scan(string text, int limit)
    {
        var tokens = 0;
        var word = new StringBuilder();
        var wordStart = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (!Rune.TryGetRuneAt(text, i, out var rune))
            {
                rune = Rune.ReplacementChar; // a lone surrogate is dropped like BERT drops U+FFFD
            }

            var width = rune == Rune.ReplacementChar && char.IsSurrogate(text[i]) ? 1 : rune.Utf16SequenceLength;
            if (IsDropped(rune))
            {
                i += width; // removed, as BERT's text cleaning does, without splitting the word
                continue;
            }

            var separator = Rune.IsWhiteSpace(rune);
            var standsAlone = !separator && (IsPunctuation(rune) || IsCjk(rune));
            if ((separator || standsAlone) && wordStart >= 0)
            {
                var cost = Pieces(word);
                if (tokens + cost > limit)
                {
                    return (tokens, wordStart);
                }

                tokens += cost;
                word.Clear();
                wordStart = -1;
            }

            if (standsAlone)
            {
                if (tokens + 1 > limit)
                {
                    return (tokens, i);
                }

                tokens++;
            }
            else if (!separator)
            {
                if (wordStart < 0)
                {
                    wordStart = i;
                }

                AppendNormalized(word, rune);
            }

            i += width;
        }

        if (wordStart >= 0)
        {
            var cost = Pieces(word);
            if (tokens + cost > limit)
            {
                return (tokens, wordStart);
            }

            tokens += cost;
        }

        return (tokens, text.Length);
    }

    /// <summary>Greedy longest-match-first WordPiece; 1 for [UNK].</summary>
    private int Pieces(StringBuilder word)
    {
        if (word.Length == 0)
        {
            return 0; // only accents, stripped away
        }

        if (word.Length > MaxWordChars)
        {
            return 1;
        }

        Span<char> buffer = stackalloc char[word.Length + 2];
        word.CopyTo(0, buffer[2..], word.Length);
        buffer[0] = '#';
        buffer[1] = '#';
        var pieces = 0;
        var start = 0;
        while (start < word.Length)
        {
            var end = word.Length;
            var found = false;
            if (start > 0)
            {
                // The characters before start are consumed: write "##" over them so the continuation is contiguous.
                buffer[start] = '#';
                buffer[start + 1] = '#';
            }

            while (end > start)
            {
                var candidate = start == 0 ? buffer.Slice(2, end) : buffer.Slice(start, end - start + 2);
                if (_lookup.Contains(candidate))
                {
                    found = true;
                    break;
                }

                end--;
            }

            if (!found)
            {
                return 1;
            }

            pieces++;
            start = end;
        }

        return pieces;
    }

    private static void AppendNormalized(StringBuilder word, Rune rune)
    {
        if (rune.IsAscii)
        {
            // Lower-casing ASCII stays ASCII, which has nothing to decompose and no marks: no string per character.
            word.Append(char.ToLowerInvariant((char)rune.Value));
            return;
        }

        var lower = Rune.ToLowerInvariant(rune).ToString();
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
            }
        }
    }

    private static bool IsDropped(Rune rune) =>
        rune.Value == 0 || rune == Rune.ReplacementChar || (Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r'))
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format;

    private static bool IsPunctuation(Rune rune) =>
        rune.Value is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    private static bool IsCjk(Rune rune) => rune.Value is
        >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2A6DF or >= 0x2A700 and <= 0x2B73F
        or >= 0x2B740 and <= 0x2B81F or >= 0x2B820 and <= 0x2CEAF or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;

    private static IEnumerable<string> ReadEmbeddedVocabulary()
    {
        using var stream = typeof(WordPieceTokenizer).Assembly.GetManifestResourceStream("Sessions.Text.Tokenization.vocab.txt")
            ?? throw new InvalidOperationException("the WordPiece vocabulary is not embedded");
        using var reader = new StreamReader(stream);
        var lines = new List<string>(30522);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
