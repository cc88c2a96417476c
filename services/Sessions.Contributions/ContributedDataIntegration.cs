using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Datasets;
using Sessions.Deduplication;
using Sessions.Storage;
using Sessions.Storage.Bulk;
using Sessions.Storage.Entities;

namespace Sessions.Contributions;

/// <summary>Progress of a running import: rows read so far, rows accepted, bytes read.</summary>
public sealed record IntegrationProgress(long RowsRead, long Accepted, long BytesRead);

/// <summary>
/// Imports a contributed data set into a model's examples, all or nothing. The <c>Integrations</c> row is saved
/// first, on its own ("running"), so a failed import stays visible; every example, embedding and band row then goes
/// into ONE transaction (band rows through <see cref="StagedBandRows"/> unless near duplicates are checked), written with each provider's bulk path every <see cref="ContributionOptions.BatchRows"/> rows
/// while the next batches are read and prepared (at most one batch waits between stages), so memory stays bounded; any error rolls it all back and marks the integration failed with the error. Idempotent by integration
/// id: one that already committed (or failed, or was rolled back) is reported as it is, nothing is done again.
/// </summary>
public sealed class ContributedDataIntegration(
    IDbContextFactory<SessionsDbContext> databases,
    ContributedExampleBuilder builder,
    ContributedEmbeddings embeddings,
    DeduplicationOptions deduplication,
    DatasetImportOptions importOptions,
    ContributionOptions options,
    TimeProvider clock,
    ILogger<ContributedDataIntegration> logger)
{
    /// <summary>
    /// Zero-padded, so that text order is row order: unpadded, row 10000 sorted between 1000 and 1001, and every example's
    /// and embedding's session-id index entry went to a different place in the index instead of its end.
    /// </summary>
    public static string SessionIdOf(Guid integrationId, long row) => $"{SessionPrefix(integrationId)}{row:D10}";

    public static string SessionPrefix(Guid integrationId) => $"contrib-{integrationId:N}-";

    /// <param name="redeliveredWhenCancelled">
    /// The caller's command comes back when <paramref name="ct"/> cancels it (a consumer whose endpoint stopped or lost
    /// its broker): the cancellation is rethrown and the integration stays "running", so the redelivered command starts
    /// the import over instead of finding it failed. Otherwise (the command-line tool) a cancelled import ends failed.
    /// </param>
    public async Task<IntegrationReport> IntegrateAsync(IntegrationRequest request, IProgress<IntegrationProgress>? progress = null, CancellationToken ct = default,
        bool redeliveredWhenCancelled = false)
    {
        var report = new IntegrationReport(request.IntegrationId, options.MaxListedRejections) { DryRun = request.DryRun };
        if (request.Problem() is { } problem)
        {
            report.Status = IntegrationStatus.Failed;
            report.Error = $"invalid_request: {problem}";
            return report;
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        // The admin tool's imports name their process; one left running by a killed process is marked failed here.
        var owner = redeliveredWhenCancelled ? null : IntegrationLease.CurrentOwner;
        if (owner is not null && !request.DryRun)
        {
            await IntegrationLease.RecoverAbandonedAsync(db, clock.GetUtcNow().UtcDateTime, options.AbandonedAfter, ct);
        }

        var record = await StartAsync(db, request, owner, ct);
        if (record.Status != IntegrationStatus.Running)
        {
            logger.LogInformation("Integration {IntegrationId} is already {Status}; nothing done again", record.Id, record.Status);
            return IntegrationReport.Of(record);
        }

        try
        {
            await ImportAsync(db, request, record, report, progress, ct);
        }
        catch (FinishedByAnotherAttempt finished)
        {
            logger.LogInformation("Integration {IntegrationId} was {Status} by another attempt of the same command meanwhile; this one left nothing behind",
                request.IntegrationId, finished.Record.Status);
            return IntegrationReport.Of(finished.Record);
        }
        catch (OperationCanceledException) when (redeliveredWhenCancelled && ct.IsCancellationRequested)
        {
            // The transaction rolled back with nothing stored; the row stays "running" for the redelivered command.
            logger.LogInformation("Integration {IntegrationId} of {Source} was cancelled and left nothing behind; its redelivered command starts it over",
                request.IntegrationId, request.Source);
            throw;
        }
        catch (Exception ex)
        {
            report.Status = IntegrationStatus.Failed;
            report.Error = ex is DatasetImportException d ? $"{d.Code}: {d.Message}" : ex is OperationCanceledException ? "cancelled: the import was stopped (Ctrl+C or SIGTERM)" : $"{ex.GetType().Name}: {ex.Message}";
            // Bad input is an expected outcome with a named error, not a fault: no stack trace for it.
            if (ex is DatasetImportException or OperationCanceledException)
                logger.LogInformation("Integration {IntegrationId} of {Source} failed and left nothing behind: {Error}", request.IntegrationId, request.Source, report.Error);
            else
                logger.LogError(ex, "Integration {IntegrationId} of {Source} failed and left nothing behind: {Error}", request.IntegrationId, request.Source, report.Error);
            if (!request.DryRun && await MarkFailedAsync(request.IntegrationId, report) is { } finished)
            {
                // A duplicate command of the same integration got there first (its rows are what this one collided with).
                return IntegrationReport.Of(finished);
            }
        }

        return report;
    }

    /// <summary>
    /// The integration's row, created "running" for a new one. A "running" row already there is left by a crashed
    /// attempt (its transaction died with it, so the import starts over) or belongs to a duplicate command running now;
    /// of two such attempts one waits for the other (<see cref="ClaimAsync"/>).
    /// </summary>
    private async Task<IntegrationRecord> StartAsync(SessionsDbContext db, IntegrationRequest request, string? owner, CancellationToken ct)
    {
        var id = request.IntegrationId;
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.Integrations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (record is { Status: not IntegrationStatus.Running })
        {
            return record;
        }

        if (record is null)
        {
            record = IntegrationRecords.Integration(request);
            record.StartedAt = now;
            record.Owner = owner;
            if (request.DryRun) return record;
            db.Integrations.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return record;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // a duplicate command inserted the same row a moment earlier
            }
        }

        if (request.DryRun) return record;
        // Only a row still running is restarted; this waits while another attempt holds it.
        await db.Integrations.Where(i => i.Id == id && i.Status == IntegrationStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.StartedAt, now).SetProperty(i => i.Owner, owner), ct);
        return await db.Integrations.SingleAsync(i => i.Id == id, ct);
    }

    /// <summary>
    /// First thing in the import's transaction: the row is still "running" (no other attempt finished it), and it stays
    /// locked until this one commits or rolls back, so a duplicate command waits here and then finds it finished.
    /// </summary>
    private static async Task ClaimAsync(SessionsDbContext db, IntegrationRecord record, CancellationToken ct)
    {
        var claimed = await db.Integrations.Where(i => i.Id == record.Id && i.Status == IntegrationStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, IntegrationStatus.Running), ct);
        if (claimed == 0)
        {
            db.ChangeTracker.Clear();
            throw new FinishedByAnotherAttempt(await db.Integrations.AsNoTracking().SingleAsync(i => i.Id == record.Id, ct));
        }
    }

    private sealed class FinishedByAnotherAttempt(IntegrationRecord record) : Exception("The integration was finished by another attempt.")
    {
        public IntegrationRecord Record { get; } = record;
    }

    private async Task ImportAsync(SessionsDbContext db, IntegrationRequest request, IntegrationRecord record, IntegrationReport report,
        IProgress<IntegrationProgress>? progress, CancellationToken ct)
    {
        var rows = ContributedRows.Open(IntegrationRecords.ImportOptions(importOptions, request), request.Source);
        var duplicates = new ContributedDuplicates(db, deduplication, request.ModelName, request.IntegrationId, request.Dedupe);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!request.DryRun) await ClaimAsync(db, record, ct);
        await using var cache = await SqlitePageCache.EnlargeAsync(db, options.SqliteCacheMebibytes, ct);
        // Band rows go into the key index in key order at the end, unless this import's own later rows are checked against them.
        var stagedBands = request.Dedupe ? null : await StagedBandRows.BeginAsync(db, ct);

        // Three stages, each a batch ahead of the next: reading, the per-row CPU work, then the duplicate checks and
        // writes here, in order. The stages ahead never touch the database; an error in any of them stops all three.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var read = Channel.CreateBounded<ReadBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var prepared = Channel.CreateBounded<PreparedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var preparation = new ContributedBatchPreparation(builder, embeddings, deduplication);
        var ahead = Task.WhenAll(
            Stage(read.Writer, () => ReadBatchesAsync(rows, read.Writer, stop.Token)),
            Stage(prepared.Writer, async () =>
            {
                await foreach (var batch in read.Reader.ReadAllAsync(stop.Token))
                {
                    await prepared.Writer.WriteAsync(await preparation.PrepareAsync(batch, stop.Token), stop.Token);
                }
            }));
        try
        {
            await foreach (var batch in prepared.Reader.ReadAllAsync(stop.Token))
            {
                await SaveBatchAsync(db, duplicates, stagedBands, request, batch, report, stop.Token);
                report.BytesRead = batch.BytesRead;
                progress?.Report(new IntegrationProgress(report.RowsRead, report.Accepted, batch.BytesRead));
            }
        }
        finally
        {
            await stop.CancelAsync(); // nothing is left to do ahead when this loop ends, by success or by error
            await ahead;
        }

        report.BytesRead = rows.BytesRead;
        if (request.DryRun)
        {
            await transaction.RollbackAsync(ct);
            report.Status = IntegrationStatus.RolledBack;
            return;
        }

        if (stagedBands is not null)
        {
            logger.LogInformation("Integration {IntegrationId}: adding its near-duplicate band rows in key order", record.Id);
            var moved = await stagedBands.MoveAsync(ct);
            logger.LogInformation("Integration {IntegrationId}: {Bands} band rows added", record.Id, moved);
        }

        // The status flips to committed in the same transaction as the rows: both or neither.
        db.Attach(record);
        report.Status = IntegrationStatus.Committed;
        report.WriteTo(record);
        record.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Integration {IntegrationId} committed {Accepted} of {Rows} rows into {Model}", record.Id, report.Accepted, report.RowsRead, record.ModelName);
    }

    /// <summary>Runs a stage off this thread; its end (or its error, which the next stage then throws) completes its output.</summary>
    private static Task Stage<T>(ChannelWriter<T> output, Func<Task> work) => Task.Run(async () =>
    {
        try
        {
            await work();
            output.TryComplete();
        }
        catch (Exception ex)
        {
            output.TryComplete(ex);
        }
    });

    private async Task ReadBatchesAsync(ContributedRows rows, ChannelWriter<ReadBatch> output, CancellationToken ct)
    {
        var rejections = new List<RowRejection>();
        var batch = new List<ContributedRow>(options.BatchRows);
        await foreach (var result in rows.ReadAsync(ct))
        {
            if (!result.IsAccepted)
            {
                rejections.Add(result.Rejection);
                continue;
            }

            batch.Add(result.Row);
            if (batch.Count >= options.BatchRows)
            {
                await output.WriteAsync(new ReadBatch(rejections, batch, rows.BytesRead), ct);
                rejections = [];
                batch = new List<ContributedRow>(options.BatchRows);
            }
        }

        await output.WriteAsync(new ReadBatch(rejections, batch, rows.BytesRead), ct);
    }

    private async Task SaveBatchAsync(SessionsDbContext db, ContributedDuplicates duplicates, StagedBandRows? stagedBands, IntegrationRequest request,
        PreparedBatch batch, IntegrationReport report, CancellationToken ct)
    {
        foreach (var rejection in batch.Rejections) report.Reject(rejection);
        if (batch.Rows.Count == 0) return;
        var findings = await duplicates.CheckAsync(batch.Rows.Select(r => r.Example).ToList(), batch.Rows.Select(r => r.Fingerprint).ToList(), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var accepted = new List<(ExampleRecord Record, PreparedRow Row)>();
        for (var i = 0; i < batch.Rows.Count; i++)
        {
            var row = batch.Rows[i];
            if (findings[i] is { } duplicate)
            {
                report.Reject(new RowRejection(row.Example.Row.Source, row.Example.Row.RowNumber, duplicate.Code, duplicate.Detail), duplicate.WithinFile);
                continue;
            }

            report.Accept();
            var record = IntegrationRecords.Example(request, row.Example, report.Accepted, now);
            record.MinHashSignature = row.Fingerprint.Signature?.ToBytes();
            record.EmbeddingsPending = row.Vectors.Count == 0 && !options.EmbedDuringImport; // the backfill embeds it after the commit
            if (record.EmbeddingsPending) report.EmbeddingsPending++;
            accepted.Add((record, row));
        }

        // Ids taken up front, so the examples go in with the bulk path too and their band rows can point at them.
        var bulk = new BulkRowWriter(db);
        var ids = await bulk.ReserveExampleIdsAsync(accepted.Count, ct);
        for (var i = 0; i < accepted.Count; i++) accepted[i].Record.Id = ids[i];
        await bulk.WriteExamplesWithIdsAsync(accepted.Select(a => a.Record).ToList(), ct);
        await bulk.WriteEmbeddingsAsync(ContributedEmbeddings.Records(accepted.Select(a => (a.Record.SessionId, a.Row.Vectors)).ToList()), ct);
        // Band rows as validated session examples get them, so later data is checked against these rows too.
        var bands = accepted.Where(a => a.Row.Fingerprint.Signature is not null).Select(a => (a.Record.Id, a.Row.Fingerprint.BandKeys)).ToList();
        if (stagedBands is null) await bulk.WriteBandsAsync(request.ModelName, bands, ct);
        else await stagedBands.WriteAsync(request.ModelName, bands, ct);
    }

    /// <summary>Records the failure; returns the row instead when another attempt already finished the integration.</summary>
    private async Task<IntegrationRecord?> MarkFailedAsync(Guid id, IntegrationReport report)
    {
        // A fresh context and no cancellation: the failure must be recorded even when the import was cancelled.
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        var record = await db.Integrations.FirstOrDefaultAsync(i => i.Id == id, CancellationToken.None);
        if (record is null) return null; // the status row itself could not be written: nothing to mark
        if (record.Status != IntegrationStatus.Running) return record; // finished by another attempt: its outcome stands
        report.WriteTo(record);
        record.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        return null;
    }
}
