using System.Globalization;
using System.Text;
using Sessions.Text;

namespace Sessions.Validator.Deduplication;

/// <summary>
/// Splits text into words after <see cref="TextNormalizer"/> (NFKC, lower case): a word is a run of letters,
/// digits and combining marks in any script; punctuation, symbols and emoji separate words and are dropped.
/// Scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) yield one word per
/// character, so that their texts still have many shingles. Words are returned as stable 64-bit hashes.
/// </summary>
public static class WordSplitter
{
    public static List<ulong> WordHashes(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var words = new List<ulong>();
        var wordStart = -1;
        var index = 0;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (!IsWordRune(rune))
            {
                Flush(normalized, ref wordStart, index, words);
            }
            else if (IsUnspacedScript(rune))
            {
                Flush(normalized, ref wordStart, index, words);
                words.Add(StableHash.Of(normalized.AsSpan(index, rune.Utf16SequenceLength)));
            }
            else if (wordStart < 0)
            {
                wordStart = index;
            }

            index += rune.Utf16SequenceLength;
        }

        Flush(normalized, ref wordStart, index, words);
        return words;
    }

    private static void Flush(string text, ref int wordStart, int end, List<ulong> words)
    {
        if (wordStart >= 0)
        {
            words.Add(StableHash.Of(text.AsSpan(wordStart, end - wordStart)));
            wordStart = -1;
        }
    }

    // Lone surrogates arrive as U+FFFD (a symbol), so malformed text splits instead of throwing.
    private static bool IsWordRune(Rune rune) => Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsUnspacedScript(Rune rune) => rune.Value switch
    {
        >= 0x0E00 and <= 0x0EFF => true, // Thai, Lao
        >= 0x1000 and <= 0x109F => true, // Myanmar
        >= 0x1780 and <= 0x17FF => true, // Khmer
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true, // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK unified ideographs
        >= 0xF900 and <= 0xFAFF => true, // CJK compatibility ideographs
        >= 0x20000 and <= 0x3134F => true, // CJK extensions B..G
        _ => false,
    };
}
