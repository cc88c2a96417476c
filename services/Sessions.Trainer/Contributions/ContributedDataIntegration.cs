using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Datasets;
using Sessions.Storage;
using Sessions.Storage.Bulk;
using Sessions.Storage.Entities;
using Sessions.Validator.Deduplication;

namespace Sessions.Trainer.Contributions;

/// <summary>Progress of a running import: rows read so far, rows accepted, bytes read.</summary>
public sealed record IntegrationProgress(long RowsRead, long Accepted, long BytesRead);

/// <summary>
/// Imports a contributed data set into a model's examples, all or nothing. The <c>Integrations</c> row is saved
/// first, on its own ("running"), so a failed import stays visible; every example, embedding and band row then goes
/// into ONE transaction, saved and detached every <see cref="ContributionOptions.BatchRows"/> rows so memory stays
/// bounded; any error rolls it all back and marks the integration failed with the error. Idempotent by integration
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
    public static string SessionIdOf(Guid integrationId, long row) => $"{SessionPrefix(integrationId)}{row}";

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
        var record = await db.Integrations.FindAsync([request.IntegrationId], ct);
        if (record is { Status: not IntegrationStatus.Running })
        {
            logger.LogInformation("Integration {IntegrationId} is already {Status}; nothing done again", record.Id, record.Status);
            return IntegrationReport.Of(record);
        }

        // A "running" row left by a crashed attempt: its transaction died with it, so the import starts over.
        record ??= db.Integrations.Add(IntegrationRecords.Integration(request)).Entity;
        record.StartedAt = clock.GetUtcNow().UtcDateTime;
        if (!request.DryRun) await db.SaveChangesAsync(ct);

        try
        {
            await ImportAsync(db, request, record, report, progress, ct);
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
            report.Error = ex is DatasetImportException d ? $"{d.Code}: {d.Message}" : ex is OperationCanceledException ? "cancelled: the import was stopped" : $"{ex.GetType().Name}: {ex.Message}";
            // Bad input is an expected outcome with a named error, not a fault: no stack trace for it.
            if (ex is DatasetImportException or OperationCanceledException)
                logger.LogInformation("Integration {IntegrationId} of {Source} failed and left nothing behind: {Error}", request.IntegrationId, request.Source, report.Error);
            else
                logger.LogError(ex, "Integration {IntegrationId} of {Source} failed and left nothing behind: {Error}", request.IntegrationId, request.Source, report.Error);
            if (!request.DryRun) await MarkFailedAsync(request.IntegrationId, report);
        }

        return report;
    }

    private async Task ImportAsync(SessionsDbContext db, IntegrationRequest request, IntegrationRecord record, IntegrationReport report,
        IProgress<IntegrationProgress>? progress, CancellationToken ct)
    {
        var rows = ContributedRows.Open(IntegrationRecords.ImportOptions(importOptions, request), request.Source);
        var duplicates = new ContributedDuplicates(db, deduplication, request.ModelName, request.IntegrationId, request.Dedupe);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = new List<ContributedRow>(options.BatchRows);
        await foreach (var result in rows.ReadAsync(ct))
        {
            if (!result.IsAccepted)
            {
                report.Reject(result.Rejection);
                continue;
            }

            batch.Add(result.Row);
            if (batch.Count >= options.BatchRows)
            {
                await SaveBatchAsync(db, duplicates, request, batch, report, ct);
                report.BytesRead = rows.BytesRead;
                progress?.Report(new IntegrationProgress(report.RowsRead, report.Accepted, rows.BytesRead));
            }
        }

        await SaveBatchAsync(db, duplicates, request, batch, report, ct);
        report.BytesRead = rows.BytesRead;
        progress?.Report(new IntegrationProgress(report.RowsRead, report.Accepted, rows.BytesRead));
        if (request.DryRun)
        {
            await transaction.RollbackAsync(ct);
            report.Status = IntegrationStatus.RolledBack;
            return;
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

    private async Task SaveBatchAsync(SessionsDbContext db, ContributedDuplicates duplicates, IntegrationRequest request,
        List<ContributedRow> rows, IntegrationReport report, CancellationToken ct)
    {
        // Redaction, token counting and hashing are pure per-row work: spread over the cores, kept in row order.
        var batch = new List<ContributedExample>(rows.Count);
        foreach (var (example, rejection) in rows.AsParallel().AsOrdered().WithCancellation(ct).Select(builder.Build))
        {
            if (rejection is not null) report.Reject(rejection);
            else batch.Add(example!);
        }

        rows.Clear();
        if (batch.Count == 0) return;
        var (findings, fingerprints) = await duplicates.CheckAsync(batch, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var accepted = new List<(ExampleRecord Record, ContributedExample Example, TextFingerprint Fingerprint)>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (findings[i] is { } duplicate)
            {
                report.Reject(new RowRejection(batch[i].Row.Source, batch[i].Row.RowNumber, duplicate.Code, duplicate.Detail), duplicate.WithinFile);
                continue;
            }

            report.Accept();
            var record = IntegrationRecords.Example(request, batch[i], report.Accepted, now);
            record.MinHashSignature = fingerprints[i].Signature?.ToBytes();
            accepted.Add((record, batch[i], fingerprints[i]));
        }

        db.Examples.AddRange(accepted.Select(a => a.Record));
        await db.SaveChangesAsync(ct); // ids assigned; band rows need them
        var bulk = new BulkRowWriter(db);
        await bulk.WriteEmbeddingsAsync(await embeddings.ForAsync(accepted.Select(a => (a.Record.SessionId, a.Example)).ToList(), ct), ct);
        // Band rows as validated session examples get them, so later data is checked against these rows too.
        await bulk.WriteBandsAsync(request.ModelName,
            accepted.Where(a => a.Fingerprint.Signature is not null).Select(a => (a.Record.Id, a.Fingerprint.BandKeys)).ToList(), ct);
        db.ChangeTracker.Clear();
    }

    private async Task MarkFailedAsync(Guid id, IntegrationReport report)
    {
        // A fresh context and no cancellation: the failure must be recorded even when the import was cancelled.
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        var record = await db.Integrations.FirstOrDefaultAsync(i => i.Id == id, CancellationToken.None);
        if (record is null) return; // the status row itself could not be written: nothing to mark
        report.WriteTo(record);
        record.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
