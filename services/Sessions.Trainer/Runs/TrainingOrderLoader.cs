using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Trainer.FineTuning;

namespace Sessions.Trainer.Runs;

/// <summary>Puts a run's snapshot in <see cref="TrainingOrder"/> and streams its examples in that order: the snapshot's, never newer ones.</summary>
public sealed class TrainingOrderLoader(SessionsDbContext db, TrainerOptions options)
{
    private const int ChunkRows = 1_000;

    /// <summary>The model's accepted originals now: copies stored per session by earlier versions are not data anyone sent.</summary>
    public async Task<DatasetSnapshot> SnapshotAsync(string model, CancellationToken ct)
    {
        var examples = await db.Examples.AsNoTracking()
            .Where(e => e.ModelName == model && e.Status == ExampleStatus.Accepted && e.Origin != ExampleOrigin.Augmented)
            .Select(e => new SnapshotExample(e.Id, e.SessionId, e.LastMessageIndex, e.ContentHash, e.TokenCount, e.IntegrationId))
            .ToListAsync(ct);
        return DatasetSnapshot.Of(examples);
    }

    /// <summary>The snapshot's examples in training order; reads only the committed integrations' merge settings.</summary>
    public async Task<IReadOnlyList<long>> OrderAsync(string model, DatasetSnapshot snapshot, CancellationToken ct)
    {
        var merges = await db.Integrations.AsNoTracking()
            .Where(i => i.ModelName == model && i.Status == IntegrationStatus.Committed)
            .OrderBy(i => i.FinishedAt).ThenBy(i => i.StartedAt).ThenBy(i => i.Id)
            .Select(i => new ContributedMerge(i.Id, i.MergeStrategy, i.Weight, i.ShuffleSeed ?? options.Seed))
            .ToListAsync(ct);
        return TrainingOrder.Of(snapshot.InContentOrder().Select(e => (e.Id, e.IntegrationId)).ToList(), merges);
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
