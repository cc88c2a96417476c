using Microsoft.EntityFrameworkCore;
using Sessions.Deduplication;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Contributions;

/// <summary>The outcome of a rollback request: done (with what was removed) or refused with a reason.</summary>
public sealed record RollbackOutcome(bool RolledBack, string Detail, int Examples = 0, int Embeddings = 0, int Bands = 0);

/// <summary>
/// Takes a committed integration out of the training set: its near-duplicate band rows, embeddings and examples are
/// deleted in one transaction together with the status change to <c>rolled_back</c>. Runs already trained on them
/// keep their snapshot; later runs do not see them.
/// </summary>
public sealed class IntegrationRollback(IDbContextFactory<SessionsDbContext> databases, DeduplicationOptions deduplication, TimeProvider clock)
{
    public async Task<RollbackOutcome> RollBackAsync(Guid integrationId, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var record = await db.Integrations.FirstOrDefaultAsync(i => i.Id == integrationId, ct);
        if (record is null) return new(false, $"no integration {integrationId}; list them with: sessions-admin integrations");
        if (record.Status != IntegrationStatus.Committed)
            return new(false, $"integration {integrationId} is {record.Status}, not committed; only a committed integration has rows to roll back");

        var examples = db.Examples.Where(e => e.IntegrationId == integrationId);
        var bands = await DeleteBandsAsync(db, record.ModelName, examples, ct);
        var prefix = ContributedDataIntegration.SessionPrefix(integrationId);
        var embeddings = await db.Embeddings.Where(e => e.SessionId.StartsWith(prefix)).ExecuteDeleteAsync(ct);
        var deleted = await examples.ExecuteDeleteAsync(ct);
        record.Status = IntegrationStatus.RolledBack;
        record.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(true, $"rolled back integration {integrationId}: {deleted} examples, {embeddings} embeddings, {bands} band rows removed", deleted, embeddings, bands);
    }

    /// <summary>
    /// Band rows have no index by example, so each chunk of examples finds its rows by the band keys of the stored
    /// signatures. A row left behind (the LSH settings changed since the import) points at a deleted example, and every
    /// lookup joins the accepted examples, so it matches nothing.
    /// </summary>
    private async Task<int> DeleteBandsAsync(SessionsDbContext db, string model, IQueryable<ExampleRecord> examples, CancellationToken ct)
    {
        var lsh = new LshBands(deduplication.Bands, deduplication.Rows);
        var deleted = 0;
        for (var after = long.MinValue; ;)
        {
            var chunk = await examples.AsNoTracking().Where(e => e.Id > after && e.MinHashSignature != null)
                .OrderBy(e => e.Id).Take(ChunkExamples).Select(e => new { e.Id, e.MinHashSignature }).ToListAsync(ct);
            if (chunk.Count == 0) return deleted;
            after = chunk[^1].Id;
            var ids = chunk.Select(e => e.Id).ToList();
            var keys = chunk.SelectMany(e => lsh.Keys(MinHashSignature.FromBytes(e.MinHashSignature!))).Select(k => unchecked((long)k)).Distinct().ToList();
            deleted += await db.NearDuplicateBands.Where(b => keys.Contains(b.BandKey) && b.ModelName == model && ids.Contains(b.ExampleId)).ExecuteDeleteAsync(ct);
        }
    }

    private const int ChunkExamples = 1000;
}
