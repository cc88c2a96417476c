using System.Text;
using Sessions.Text;

namespace Sessions.Validator.Quality;

/// <summary>Repetition measures of curated-data pipelines (Gopher), linear in the text's length.</summary>
public static class RepetitionSignals
{
    /// <summary>
    /// Share of word characters inside repeats of an earlier n-gram, each character once (Gopher's duplicate n-gram
    /// fraction as DataTrove computes it: the first occurrence is not a repeat, so a passage pasted twice is 0.5 and
    /// an identifier quoted twice in a short answer stays low). "lol lol lol lol" is 0.75; no repeats is 0.
    /// </summary>
    public static double RepeatedNgramFraction(IReadOnlyList<string> words, int n) =>
        n is >= 1 and <= NgramKey.MaxWords ? RepeatedNgramFraction(words, WordIds(words), n) : RepeatedLongNgramFraction(words, n);

    /// <summary>The fractions for 2-, 3- and 4-grams, the words numbered once for all three.</summary>
    public static double[] RepeatedNgramFractions(IReadOnlyList<string> words)
    {
        var ids = WordIds(words);
        return [RepeatedNgramFraction(words, ids, 2), RepeatedNgramFraction(words, ids, 3), RepeatedNgramFraction(words, ids, 4)];
    }

    /// <summary>Each word's number, equal for equal words (ordinal): n-grams compare as numbers instead of joined strings.</summary>
    internal static int[] WordIds(IReadOnlyList<string> words)
    {
        var numbers = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        var ids = new int[words.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!numbers.TryGetValue(words[i], out var id))
            {
                id = numbers.Count;
                numbers.Add(words[i], id);
            }

            ids[i] = id;
        }

        return ids;
    }

    private static double RepeatedNgramFraction(IReadOnlyList<string> words, int[] ids, int n)
    {
        if (words.Count <= n) // two occurrences need at least n + 1 words
        {
            return 0;
        }

        var seen = new HashSet<NgramKey>(words.Count);
        var covered = new bool[words.Count];
        for (var i = 0; i + n <= words.Count; i++)
        {
            if (!seen.Add(NgramKey.At(ids, i, n)))
            {
                covered.AsSpan(i, n).Fill(true);
            }
        }

        return CoveredShare(words, covered);
    }

    // Beyond four words (and below one) the n-gram is keyed by its words joined, as all lengths were before the numbered form.
    private static double RepeatedLongNgramFraction(IReadOnlyList<string> words, int n)
    {
        if (words.Count <= n)
        {
            return 0;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var covered = new bool[words.Count];
        var key = new StringBuilder();
        for (var i = 0; i + n <= words.Count; i++)
        {
            key.Clear();
            for (var j = i; j < i + n; j++)
            {
                key.Append(words[j]).Append('\u001f');
            }

            if (!seen.Add(key.ToString()))
            {
                covered.AsSpan(i, n).Fill(true);
            }
        }

        return CoveredShare(words, covered);
    }

    private static double CoveredShare(IReadOnlyList<string> words, bool[] covered)
    {
        long total = 0, repeated = 0;
        for (var i = 0; i < words.Count; i++)
        {
            total += words[i].Length;
            repeated += covered[i] ? words[i].Length : 0;
        }

        return total == 0 ? 0 : (double)repeated / total;
    }

    /// <summary>
    /// Share of lines that repeat an earlier line (normalized). Only lines with a letter or digit count: "}", "```" and
    /// "---" are the structure of code and markdown, not spam. Fewer than two such lines: 0.
    /// </summary>
    public static double RepeatedLineFraction(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = 0;
        var repeated = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range);
            if (!HasLetterOrDigit(line))
            {
                continue;
            }

            lines++;
            if (!seen.Add(TextNormalizer.Normalize(line.ToString())))
            {
                repeated++;
            }
        }

        return lines < 2 ? 0 : (double)repeated / lines;
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
