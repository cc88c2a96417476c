using System.Globalization;
using System.Text;
using Sessions.Text;

namespace Sessions.Validator.Quality;

/// <summary>
/// Unicode-aware words of a text, lower-cased after NFKC (<see cref="TextNormalizer"/>), in one pass.
/// A word is a run of letters and digits in any script, so Cyrillic, Greek, Arabic and Hebrew split on spaces like
/// Latin; combining marks (Arabic harakat, Hebrew niqqud, Indic vowel signs) and format characters (ZWNJ, LRM/RLM)
/// stay inside the word; an apostrophe between letters joins ("don't"). Han ideographs and kana are written without
/// spaces, so each one is its own word: a character is roughly a morpheme, which makes a ten-character Chinese
/// sentence about ten "words" rather than one (it over-counts compound words by ~1.5x, which is the safe side for a
/// minimum). Thai, Lao, Khmer and Myanmar also lack spaces but have no cheap segmentation here: a space-separated run
/// counts as one word.
/// </summary>
public static class WordSegmenter
{
    public static List<string> Words(string text)
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
            if (IsIdeographic(rune))
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
            else if (IsApostrophe(rune) && word.Length > 0 && NextIsLetter(normalized, i + width))
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

    /// <summary>Han (as the WordPiece tokenizer's CJK ranges), Hiragana and Katakana (full and half width).</summary>
    public static bool IsIdeographic(Rune rune) => rune.Value is
        >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0x20000 and <= 0x2CEAF or >= 0xF900 and <= 0xFAFF
        or >= 0x2F800 and <= 0x2FA1F or >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9F;

    private static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsApostrophe(Rune rune) => rune.Value is '\'' or 0x2019 or 0x02BC;

    private static bool NextIsLetter(string text, int index) =>
        index < text.Length && Rune.TryGetRuneAt(text, index, out var next) && Rune.IsLetter(next) && !IsIdeographic(next);

    private static void Flush(List<string> words, StringBuilder word)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }
}
