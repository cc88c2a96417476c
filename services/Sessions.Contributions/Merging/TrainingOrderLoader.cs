using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Contributions.Merging;

/// <summary>Puts a model's examples in <see cref="TrainingOrder"/> and streams them in that order.</summary>
/// <remarks>
/// <paramref name="defaultSeed"/>: the weighted merge's seed for integrations that stored none (the trainer's <c>Trainer:Seed</c>).
/// <paramref name="embeddedOnly"/>: leave out contributed examples still waiting for the embedding backfill, as a run
/// does; an export of the data itself keeps them.
/// </remarks>
public sealed class TrainingOrderLoader(SessionsDbContext db, int defaultSeed, bool embeddedOnly = true)
{
    private const int ChunkRows = 1_000;

    /// <summary>The model's accepted originals up to <paramref name="watermark"/> in training order (copies stored per session by earlier versions are not data anyone sent).</summary>
    public async Task<IReadOnlyList<long>> OrderAsync(string model, long watermark, CancellationToken ct)
    {
        var examples = await db.Examples.AsNoTracking()
            .Where(e => e.ModelName == model && e.Status == ExampleStatus.Accepted && e.Origin != ExampleOrigin.Augmented
                && !(embeddedOnly && e.EmbeddingsPending) && e.Id <= watermark)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.IntegrationId })
            .ToListAsync(ct);
        return await OrderAsync(model, examples.Select(e => (e.Id, e.IntegrationId)).ToList(), ct);
    }

    /// <summary>The given examples (a run's snapshot) in training order; reads only the committed integrations' merge settings.</summary>
    public async Task<IReadOnlyList<long>> OrderAsync(string model, IReadOnlyList<(long Id, Guid? IntegrationId)> examples, CancellationToken ct)
    {
        var merges = await db.Integrations.AsNoTracking()
            .Where(i => i.ModelName == model && i.Status == IntegrationStatus.Committed)
            .OrderBy(i => i.FinishedAt).ThenBy(i => i.StartedAt).ThenBy(i => i.Id)
            .Select(i => new ContributedMerge(i.Id, i.MergeStrategy, i.Weight, i.ShuffleSeed ?? defaultSeed))
            .ToListAsync(ct);
        return TrainingOrder.Of(examples, merges);
    }

    /// <summary>The examples in <paramref name="order"/>, read a chunk of ids at a time so memory stays bounded.</summary>
    public async IAsyncEnumerable<ExportExample> ExamplesAsync(IReadOnlyList<long> order, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var chunk in order.Chunk(ChunkRows))
        {
            var rows = await db.Examples.AsNoTracking()
                .Where(e => chunk.Contains(e.Id))
                .Select(e => new { e.Id, Example = new ExportExample(e.SessionId, e.MessagesJson, e.TokenCount, e.Id) })
                .ToDictionaryAsync(e => e.Id, e => e.Example, ct);
            foreach (var id in chunk)
            {
                yield return rows[id];
            }
        }
    }
}
