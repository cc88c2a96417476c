namespace Sessions.Trainer.Adapters;

/// <summary>Where an accepted example sits in its session: its first message and its assistant reply (the last one).</summary>
public sealed record ExamplePlace(string SessionId, int FirstMessageIndex, int LastMessageIndex, long ExampleId = 0);

/// <summary>The (user turn, reply) message indexes of one example, and the pairs built from the stored embeddings.</summary>
public sealed record ReplyTurns(string SessionId, int UserIndex, int ReplyIndex, long ExampleId = 0);

/// <summary>The pairs, how many examples gave none, and the reply vector of each example that gave one (what its augmented copies pair with).</summary>
public sealed record ReplyPairSet(IReadOnlyList<EmbeddingPair> Pairs, int ExamplesWithoutPair)
{
    public IReadOnlyDictionary<long, float[]> RepliesByExample { get; init; } = new Dictionary<long, float[]>();
}

/// <summary>
/// The adapter learns to map what a user says onto what answered it: each accepted example gives one pair, the
/// embedding of its nearest user turn and the embedding of its assistant reply, grouped by session.
/// </summary>
public static class ReplyPairs
{
    /// <summary>The nearest user turn before the reply within the example; null when the session's roles do not show one.</summary>
    public static ReplyTurns? Locate(ExamplePlace example, IReadOnlyList<string> roles)
    {
        var reply = example.LastMessageIndex;
        if (reply < 0 || reply >= roles.Count || roles[reply] != "assistant")
        {
            return null;
        }

        for (var i = reply - 1; i >= Math.Max(0, example.FirstMessageIndex); i--)
        {
            if (roles[i] == "user")
            {
                return new ReplyTurns(example.SessionId, i, reply, example.ExampleId);
            }
        }

        return null;
    }

    /// <summary>
    /// Pairs whose two embeddings exist, are finite and have the most common dimension (an embedding model change
    /// leaves older vectors of another size; mixing them is meaningless). The rest are counted, not guessed.
    /// </summary>
    public static ReplyPairSet Build(IReadOnlyList<ReplyTurns> turns, IReadOnlyDictionary<(string SessionId, int Index), float[]> vectors)
    {
        var candidates = new List<EmbeddingPair>(turns.Count);
        var replies = new Dictionary<long, float[]>();
        // Ordered by content position, not by row id: the same data trains the same adapter whatever order it was stored in.
        foreach (var t in turns.OrderBy(t => t.SessionId, StringComparer.Ordinal).ThenBy(t => t.ReplyIndex))
        {
            if (vectors.TryGetValue((t.SessionId, t.UserIndex), out var query)
                && vectors.TryGetValue((t.SessionId, t.ReplyIndex), out var target)
                && query.Length > 0 && query.Length == target.Length
                && query.All(float.IsFinite) && target.All(float.IsFinite))
            {
                candidates.Add(new EmbeddingPair(t.SessionId, query, target));
                replies[t.ExampleId] = target;
            }
        }

        if (candidates.Count == 0)
        {
            return new ReplyPairSet([], turns.Count);
        }

        var dimension = candidates.GroupBy(p => p.Query.Length).MaxBy(g => g.Count())!.Key;
        var pairs = candidates.Where(p => p.Query.Length == dimension).ToList();
        return new ReplyPairSet(pairs, turns.Count - pairs.Count)
        {
            RepliesByExample = replies.Where(r => r.Value.Length == dimension).ToDictionary(),
        };
    }
}
