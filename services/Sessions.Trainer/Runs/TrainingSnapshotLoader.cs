using Microsoft.EntityFrameworkCore;
using Sessions.Contributions.Merging;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Trainer.Runs;

/// <summary>Takes a run's snapshot and puts it in training order: the snapshot's examples, never newer ones.</summary>
public sealed class TrainingSnapshotLoader(SessionsDbContext db, TrainerOptions options)
{
    private readonly TrainingOrderLoader order = new(db, options.Seed);

    /// <summary>The model's accepted, embedded originals now: copies stored per session by earlier versions are not data anyone sent, and contributed rows waiting for the backfill join a later run.</summary>
    public async Task<DatasetSnapshot> SnapshotAsync(string model, CancellationToken ct)
    {
        var examples = await db.Examples.AsNoTracking()
            .Where(e => e.ModelName == model && e.Status == ExampleStatus.Accepted && e.Origin != ExampleOrigin.Augmented && !e.EmbeddingsPending)
            .Select(e => new SnapshotExample(e.Id, e.SessionId, e.LastMessageIndex, e.ContentHash, e.TokenCount, e.IntegrationId))
            .ToListAsync(ct);
        return DatasetSnapshot.Of(examples);
    }

    public Task<IReadOnlyList<long>> OrderAsync(string model, DatasetSnapshot snapshot, CancellationToken ct) =>
        order.OrderAsync(model, snapshot.InContentOrder().Select(e => (e.Id, e.IntegrationId)).ToList(), ct);

    public IAsyncEnumerable<ExportExample> ExamplesAsync(IReadOnlyList<long> ids, CancellationToken ct) => order.ExamplesAsync(ids, ct);
}
