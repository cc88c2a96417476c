using System.Globalization;
using System.Text;
using Sessions.Text;

namespace Sessions.Validator.Quality;

/// <summary>The per-text quality signals, computed in one linear pass per measure; never throws for any string.</summary>
/// <param name="VisibleCharacters">Runes that are not whitespace, combining marks or format characters.</param>
/// <param name="Words">Lower-cased words (<see cref="WordSplitter"/>); the TF-IDF terms.</param>
/// <param name="Symbols">Runs of '#' and ellipses ("...", "…"), each run once.</param>
/// <param name="RepeatedNgramFractions">Index 0 for 2-grams, 1 for 3-grams, 2 for 4-grams.</param>
public sealed record TextQualitySignals(
    int VisibleCharacters,
    int NonAlphanumericCharacters,
    IReadOnlyList<string> Words,
    int UniqueWords,
    int Symbols,
    IReadOnlyList<double> RepeatedNgramFractions,
    double RepeatedLineFraction)
{
    public bool IsEmpty => VisibleCharacters == 0;

    /// <summary>Symbols per word; with no words every symbol counts in full, so "..." alone is 1.</summary>
    public double SymbolToWordRatio => (double)Symbols / Math.Max(1, Words.Count);

    public double NonAlphanumericRatio => VisibleCharacters == 0 ? 0 : (double)NonAlphanumericCharacters / VisibleCharacters;

    public static TextQualitySignals Of(string? text)
    {
        text ??= string.Empty;
        var (visible, nonAlphanumeric, symbols) = CountCharacters(text);
        var words = WordSplitter.Words(text);
        var unique = new HashSet<string>(words, StringComparer.Ordinal).Count;
        var ngrams = RepetitionSignals.RepeatedNgramFractions(words);
        return new TextQualitySignals(visible, nonAlphanumeric, words, unique, symbols, ngrams, RepetitionSignals.RepeatedLineFraction(text));
    }

    private static (int Visible, int NonAlphanumeric, int Symbols) CountCharacters(string text)
    {
        int visible = 0, nonAlphanumeric = 0, symbols = 0, dots = 0;
        var previous = 0;
        var i = 0;
        while (i < text.Length)
        {
            var valid = Rune.TryGetRuneAt(text, i, out var rune);
            i += valid ? rune.Utf16SequenceLength : 1;
            rune = valid ? rune : Rune.ReplacementChar;

            dots = rune.Value == '.' ? dots + 1 : 0;
            if ((rune.Value == '#' && previous != '#') || (rune.Value == 0x2026 && previous != 0x2026) || dots == 3)
            {
                symbols++;
            }

            previous = rune.Value;
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control)
            {
                continue; // marks and ZWJ/variation selectors belong to the character before them; control characters show nothing
            }

            visible++;
            if (!Rune.IsLetterOrDigit(rune))
            {
                nonAlphanumeric++;
            }
        }

        return (visible, nonAlphanumeric, symbols);
    }
}
