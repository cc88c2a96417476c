namespace Sessions.Validator.Augmentation;

/// <summary>
/// A cheap fluency check, with no language model: a copy's words and word pairs that its parent does not have must
/// occur somewhere in the run's own text (users' turns and replies), so a synonym from a far WordNet sense
/// ("ask" → "postulate") or a swap that leaves a pair no one writes ("part use") is refused. The score is the smaller
/// of the two attested shares (1 when the copy adds none); a repeated word ("the the") or a dangling function word
/// at the end ("What should I of?") the parent does not have scores 0.
/// </summary>
public sealed class CopyFluency
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _pairs = [];

    /// <summary>Learns the words and word pairs of one text of the run.</summary>
    public void Learn(string text)
    {
        var words = Words(text);
        _words.UnionWith(words);
        for (var i = 1; i < words.Count; i++)
        {
            _pairs.Add((words[i - 1], words[i]));
        }
    }

    public double Score(string parent, string copy)
    {
        var before = Words(parent);
        var after = Words(copy);
        if (after.Count == 0)
        {
            return 0;
        }

        var parentPairs = Pairs(before).ToHashSet();
        var newPairs = Pairs(after).Where(p => !parentPairs.Contains(p)).ToList();
        if (newPairs.Any(p => p.Item1 == p.Item2 && !parentPairs.Contains(p)))
        {
            return 0;
        }

        if (EdaStopWords.Contains(after[^1]) && (before.Count == 0 || before[^1] != after[^1]))
        {
            return 0;
        }

        var parentWords = before.ToHashSet(StringComparer.Ordinal);
        var newWords = after.Where(w => !parentWords.Contains(w)).ToList();
        var wordShare = newWords.Count == 0 ? 1 : newWords.Count(_words.Contains) / (double)newWords.Count;
        var pairShare = newPairs.Count == 0 ? 1 : newPairs.Count(_pairs.Contains) / (double)newPairs.Count;
        return Math.Min(wordShare, pairShare);
    }

    private static List<string> Words(string text) => [.. WordSequence.Parse(text).Tokens.Select(t => t.Word.ToLowerInvariant())];

    private static IEnumerable<(string, string)> Pairs(List<string> words) => words.Skip(1).Select((w, i) => (words[i], w));
}
