using System.Globalization;
using System.Text;

namespace Sessions.Text;

/// <summary>
/// The words of a text, lower-cased after NFKC (<see cref="TextNormalizer"/>), in one pass: the one definition of a
/// word that deduplication (shingles) and quality (unique words, TF-IDF terms) share.
/// A word is a run of letters and digits in any script, so Cyrillic, Greek, Arabic and Hebrew split on spaces like
/// Latin; combining marks (Arabic harakat, Hebrew niqqud, Indic vowel signs) and format characters (ZWNJ, LRM/RLM)
/// stay inside the word; punctuation, symbols, emoji and lone surrogates separate words and are dropped.
/// Scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) give one word per character:
/// there is no dictionary segmentation here, and a character is closer to a word than a whole space-separated run
/// (a ten-character Chinese sentence is about ten "words" rather than one; for Thai this over-counts, which is the safe
/// side for a minimum of unique words, and gives near-duplicate detection many shingles to compare).
/// An apostrophe between letters joins ("don't") unless the caller asks to split there (<paramref name="apostrophesJoin"/>):
/// deduplication splits, because its persisted signatures were built that way.
/// </summary>
public static class WordSplitter
{
    public static List<string> Words(string text) => Words(text, apostrophesJoin: true);

    public static List<string> Words(string text, bool apostrophesJoin)
    {
        var normalized = TextNormalizer.Normalize(text);
        var words = new List<string>();
        var word = new StringBuilder();
        var i = 0;
        while (i < normalized.Length)
        {
            var valid = Rune.TryGetRuneAt(normalized, i, out var rune);
            var width = valid ? rune.Utf16SequenceLength : 1; // a lone surrogate separates words
            rune = valid ? rune : Rune.ReplacementChar;
            var category = Rune.GetUnicodeCategory(rune);
            if (IsUnspaced(rune))
            {
                Flush(words, word);
                words.Add(normalized.Substring(i, width));
            }
            else if (Rune.IsLetter(rune) || category == UnicodeCategory.DecimalDigitNumber)
            {
                word.Append(normalized, i, width);
            }
            else if (IsMark(category) || category == UnicodeCategory.Format)
            {
                if (word.Length > 0 && IsMark(category))
                {
                    word.Append(normalized, i, width);
                }
            }
            else if (apostrophesJoin && IsApostrophe(rune) && word.Length > 0 && NextIsLetter(normalized, i + width))
            {
                word.Append('\'');
            }
            else
            {
                Flush(words, word);
            }

            i += width;
        }

        Flush(words, word);
        return words;
    }

    /// <summary>
    /// A letter of a script written without spaces: Han (as the WordPiece tokenizer's CJK ranges and extensions B..G),
    /// Hiragana and Katakana (full and half width), Thai, Lao, Myanmar and Khmer.
    /// </summary>
    public static bool IsUnspaced(Rune rune) => rune.Value is
        >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x3134F or >= 0xF900 and <= 0xFAFF
        or >= 0x2F800 and <= 0x2FA1F or >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9F
        or >= 0x0E00 and <= 0x0EFF or >= 0x1000 and <= 0x109F or >= 0x1780 and <= 0x17FF;

    private static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsApostrophe(Rune rune) => rune.Value is '\'' or 0x2019 or 0x02BC;

    private static bool NextIsLetter(string text, int index) =>
        index < text.Length && Rune.TryGetRuneAt(text, index, out var next) && Rune.IsLetter(next) && !IsUnspaced(next);

    private static void Flush(List<string> words, StringBuilder word)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
