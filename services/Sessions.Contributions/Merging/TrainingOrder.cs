using Sessions.Storage.Entities;

namespace Sessions.Contributions.Merging;

/// <summary>How one committed integration's examples join the training order: its merge strategy, weight and seed.</summary>
public sealed record ContributedMerge(Guid IntegrationId, string Strategy, double? Weight, int Seed);

/// <summary>
/// The order a run trains on: session examples in the order given (the loader gives them by session and position), then each committed integration merged in, oldest first, by its
/// strategy — <c>append</c> puts its examples after everything before it; <c>interleave</c> alternates one existing,
/// one contributed (like Hugging Face's <c>interleave_datasets</c>) and, when one side runs out, the rest of the other
/// follows; <c>weighted</c> takes the next contributed example with probability <c>Weight</c> (seeded, so a run can be
/// reproduced) and the next existing one otherwise, then the rest. No example is dropped or repeated: the strategies
/// shape the order (what a streaming trainer sees first and how mixed its batches are), not the set. No database.
/// </summary>
public static class TrainingOrder
{
    public static IReadOnlyList<long> Of(IReadOnlyList<(long Id, Guid? IntegrationId)> examples, IReadOnlyList<ContributedMerge> merges)
    {
        var byIntegration = merges.ToDictionary(m => m.IntegrationId, _ => new List<long>());
        var order = new List<long>(examples.Count);
        foreach (var (id, integration) in examples)
        {
            if (integration is { } key && byIntegration.TryGetValue(key, out var list)) list.Add(id);
            else order.Add(id); // session data, and examples of integrations not listed, keep the order given
        }

        foreach (var merge in merges)
        {
            order = Merge(order, byIntegration[merge.IntegrationId], merge);
        }

        return order;
    }

    public static List<long> Merge(IReadOnlyList<long> existing, IReadOnlyList<long> contributed, ContributedMerge merge)
    {
        var merged = new List<long>(existing.Count + contributed.Count);
        int e = 0, c = 0;
        var random = new Random(merge.Seed);
        while (e < existing.Count && c < contributed.Count)
        {
            var takeContributed = merge.Strategy switch
            {
                MergeStrategy.Append => false,
                MergeStrategy.Interleave => merged.Count % 2 == 1,
                MergeStrategy.Weighted => random.NextDouble() < (merge.Weight ?? 0.5),
                _ => throw new ArgumentException($"unknown merge strategy '{merge.Strategy}'", nameof(merge)),
            };
            merged.Add(takeContributed ? contributed[c++] : existing[e++]);
        }

        merged.AddRange(existing.Skip(e));
        merged.AddRange(contributed.Skip(c));
        return merged;
    }
}
