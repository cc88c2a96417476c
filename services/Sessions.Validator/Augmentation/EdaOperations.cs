namespace Sessions.Validator.Augmentation;

/// <summary>
/// The four operations of EDA (Wei &amp; Zou 2019) on a copy of a user turn, after the reference implementation
/// eda.py. Each returns the new text, or null when it cannot change this text (no synonyms, one word).
/// </summary>
internal static class EdaOperations
{
    /// <summary>Replaces <paramref name="n"/> distinct non-stop words (every occurrence) with a random synonym each.</summary>
    public static string? ReplaceSynonyms(WordSequence original, IReadOnlyList<string> candidates, int n, Random random, SynonymLexicon lexicon)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in Shuffled(candidates, random).Take(n))
        {
            var synonyms = lexicon.SynonymsOf(word);
            chosen[word] = synonyms[random.Next(synonyms.Count)];
        }

        var copy = original.Copy();
        for (var i = 0; i < copy.Count; i++)
        {
            var token = copy.Tokens[i];
            if (chosen.TryGetValue(token.Word.ToLowerInvariant(), out var synonym))
            {
                copy.Tokens[i] = token with { Word = WordSequence.MatchCasing(token.Word, synonym) };
            }
        }

        return copy.Render();
    }

    /// <summary><paramref name="n"/> times, inserts a synonym of a random non-stop word at a random position.</summary>
    public static string? InsertSynonyms(WordSequence original, IReadOnlyList<string> candidates, int n, Random random, SynonymLexicon lexicon)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        var copy = original.Copy();
        for (var i = 0; i < n; i++)
        {
            var synonyms = lexicon.SynonymsOf(candidates[random.Next(candidates.Count)]);
            copy.Insert(random.Next(copy.Count + 1), synonyms[random.Next(synonyms.Count)]);
        }

        return copy.Render();
    }

    /// <summary><paramref name="n"/> times, swaps two words at random positions; separators stay where they are.</summary>
    public static string? SwapWords(WordSequence original, int n, Random random)
    {
        if (original.Count < 2)
        {
            return null;
        }

        var copy = original.Copy();
        var tokens = copy.Tokens;
        for (var i = 0; i < n; i++)
        {
            var first = random.Next(tokens.Count);
            var second = random.Next(tokens.Count);
            for (var retry = 0; second == first && retry < 3; retry++)
            {
                second = random.Next(tokens.Count);
            }

            (tokens[first], tokens[second]) = (tokens[first] with { Word = tokens[second].Word }, tokens[second] with { Word = tokens[first].Word });
        }

        return copy.Render();
    }

    /// <summary>
    /// Drops each word with probability <paramref name="p"/>, never all of them. Unlike eda.py, at least one word goes:
    /// with p = 0.05 a short turn would otherwise come back unchanged most of the time and be wasted as a duplicate.
    /// </summary>
    public static string? DeleteWords(WordSequence original, double p, Random random)
    {
        if (original.Count < 2)
        {
            return null;
        }

        var keep = new bool[original.Count];
        var kept = 0;
        for (var i = 0; i < keep.Length; i++)
        {
            keep[i] = random.NextDouble() >= p;
            kept += keep[i] ? 1 : 0;
        }

        if (kept == keep.Length)
        {
            keep[random.Next(keep.Length)] = false;
        }
        else if (kept == 0)
        {
            keep[random.Next(keep.Length)] = true;
        }

        return original.Where(keep).Render();
    }

    private static List<string> Shuffled(IReadOnlyList<string> items, Random random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
