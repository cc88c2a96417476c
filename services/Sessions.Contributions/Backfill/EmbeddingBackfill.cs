using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Datasets;
using Sessions.Storage;
using Sessions.Storage.Bulk;

namespace Sessions.Contributions.Backfill;

/// <summary>
/// Embeds the messages of contributed examples committed with <c>EmbeddingsPending</c>, a batch at a time, oldest
/// first. A batch's vectors and the flag's clearing commit together, so an interruption leaves every example either
/// fully embedded or still pending (never a half-written set of vectors), and the next pass resumes from the queue.
/// The flag is cleared only where it is still set: a competing replica that embedded the same rows meanwhile (or a
/// rollback that deleted them) makes this batch roll back, so no example's vectors are ever stored twice.
/// </summary>
public sealed class EmbeddingBackfill(
    IDbContextFactory<SessionsDbContext> databases, ContributedEmbeddings embeddings, ContributionOptions options, ILogger<EmbeddingBackfill> logger)
{
    /// <summary>
    /// Examples embedded by this pass and their models; 0 when nothing was pending (or another replica took the batch).
    /// <c>Drained</c>: nothing is pending any more, so the models' data is complete for training.
    /// </summary>
    public async Task<BackfillPass> RunOnceAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var pending = await db.Examples.AsNoTracking()
            .Where(e => e.EmbeddingsPending)
            .OrderBy(e => e.Id)
            .Take(options.BackfillBatchRows)
            .Select(e => new { e.Id, e.SessionId, e.ModelName, e.MessagesJson })
            .ToListAsync(ct);
        if (pending.Count == 0) return BackfillPass.Idle;

        // The slow part, outside any transaction: nothing is locked while the encoder works.
        var vectors = await embeddings.VectorsAsync(pending.Select(p => Messages(p.MessagesJson)).ToList(), ct);

        var ids = pending.Select(p => p.Id).ToList();
        var gate = SqliteWriteGate.For(db);
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Examples.Where(e => ids.Contains(e.Id) && e.EmbeddingsPending)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.EmbeddingsPending, false), ct);
            if (claimed != ids.Count)
            {
                await transaction.RollbackAsync(ct);
                logger.LogInformation("Embedding backfill: {Taken} of {Batch} examples were embedded or removed meanwhile; taking a fresh batch",
                    ids.Count - claimed, ids.Count);
                return BackfillPass.Raced;
            }

            await new BulkRowWriter(db).WriteEmbeddingsAsync(
                ContributedEmbeddings.Records(pending.Select((p, i) => (p.SessionId, vectors[i])).ToList()), ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            gate?.Release();
        }

        var models = pending.Select(p => p.ModelName).Distinct(StringComparer.Ordinal).ToList();
        var stillPending = await db.Examples.AnyAsync(e => e.EmbeddingsPending, ct);
        return new BackfillPass(pending.Count, models, Drained: !stillPending, Vectors: vectors.Sum(v => v.Count));
    }

    /// <summary>
    /// The encoder's own pace on the waiting rows: reads and embeds them batch by batch as <see cref="RunOnceAsync"/>
    /// does, stores nothing and changes nothing. Returns the examples and messages (sentences) embedded.
    /// </summary>
    public async Task<(long Examples, long Sentences)> EncodeOnlyAsync(long limit, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        long after = 0, examples = 0, sentences = 0;
        while (true)
        {
            var batch = await db.Examples.AsNoTracking().Where(e => e.EmbeddingsPending && e.Id > after).OrderBy(e => e.Id)
                .Take(options.BackfillBatchRows).Select(e => new { e.Id, e.MessagesJson }).ToListAsync(ct);
            if (batch.Count == 0 || examples >= limit) return (examples, sentences);
            var vectors = await embeddings.VectorsAsync(batch.Select(p => Messages(p.MessagesJson)).ToList(), ct);
            examples += batch.Count;
            sentences += vectors.Sum(v => v.Count);
            after = batch[^1].Id;
        }
    }

    private static IReadOnlyList<ContributedMessage> Messages(string json) =>
        JsonSerializer.Deserialize<List<StoredMessage>>(json)?.Select(m => new ContributedMessage(m.role, m.content)).ToList() ?? [];

#pragma warning disable IDE1006, SA1300 // the stored JSON's own names
    private sealed record StoredMessage(string role, string content);
#pragma warning restore IDE1006, SA1300
}
