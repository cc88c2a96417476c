using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Contributions.Merging;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Text.Names;
using Sessions.Trainer.FineTuning;
using Sessions.Trainer.Triggering;

namespace Sessions.Trainer.Runs;

/// <summary>Claims queued runs one at a time, executes them and records the outcome. Runs in the worker, never in a consumer.</summary>
public sealed class TrainingRunner(
    SessionsDbContext db,
    IDbContextFactory<SessionsDbContext> databases,
    TrainingRequests requests,
    CommandBackend command,
    OpenAiFineTuningBackend openAi,
    AdapterStage adapter,
    TrainingOrderLoader trainingOrder,
    TrainerOptions options,
    IBus bus,
    TimeProvider clock,
    TrainerMetrics telemetry,
    ILogger<TrainingRunner> logger)
{
    /// <summary>Runs left <c>running</c> by a crashed process (lease lapsed) are marked failed, never stuck.</summary>
    public async Task RecoverAbandonedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = await db.TrainingRuns
            .Where(r => r.Status == TrainingRunStatus.Running && r.LeaseExpiresAt < now)
            .ToListAsync(ct);
        foreach (var run in abandoned)
        {
            await FailAsync(run, "abandoned: its worker stopped renewing the lease (process crashed or was killed)", ct);
        }
    }

    /// <summary>Executes the oldest queued run; false when none is queued.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var queued = await db.TrainingRuns.Where(r => r.Status == TrainingRunStatus.Queued).OrderBy(r => r.CreatedAt).FirstOrDefaultAsync(ct);
        if (queued is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.TrainingRuns
            .Where(r => r.Id == queued.Id && r.Status == TrainingRunStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, TrainingRunStatus.Running)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.LeaseExpiresAt, now + options.RunLease), ct);
        if (claimed == 0)
        {
            return true; // another worker took it
        }

        await db.Entry(queued).ReloadAsync(ct);
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewLeaseAsync(queued.Id, renewal.Token);
        try
        {
            await ExecuteAsync(queued, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Training run {RunId} for {Model} failed", queued.Id, queued.ModelName);
            await FailAsync(queued, ex.Message, ct);
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }

        await QueueFollowUpAsync(queued, ct);
        return true;
    }

    /// <summary>Keeps a long run's lease alive from its own context (a DbContext serves one operation at a time).</summary>
    private async Task RenewLeaseAsync(Guid runId, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.RunLease / 3, ct);
                await using var renewalDb = await databases.CreateDbContextAsync(ct);
                var until = clock.GetUtcNow().UtcDateTime + options.RunLease;
                await renewalDb.TrainingRuns.Where(r => r.Id == runId && r.Status == TrainingRunStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAt, until), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // the run ended
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not renew the lease of run {RunId}; it may be marked abandoned", runId);
        }
    }

    private async Task ExecuteAsync(TrainingRunRecord run, CancellationToken ct)
    {
        // Contributed rows still waiting for the embedding backfill join the next run, not this one.
        var waiting = await db.Examples.CountAsync(e => e.ModelName == run.ModelName && e.Status == ExampleStatus.Accepted && e.EmbeddingsPending, ct);
        if (waiting > 0) logger.LogInformation("Run {RunId} leaves out {Waiting} accepted examples that wait for their embeddings", run.Id, waiting);
        var examples = await db.Examples.AsNoTracking()
            .Where(e => e.ModelName == run.ModelName && e.Status == ExampleStatus.Accepted && !e.EmbeddingsPending)
            .Select(e => new SnapshotExample(e.Id, e.SessionId, e.ContentHash, e.TokenCount))
            .ToListAsync(ct);
        var snapshot = DatasetSnapshot.Of(examples);
        await bus.Publish(new TrainingStarted(run.Id, run.ModelName, run.Type, snapshot.Examples.Count), ct);
        if (snapshot.Examples.Count == 0)
        {
            throw new InvalidOperationException($"no accepted examples for model '{run.ModelName}'");
        }

        if (ModelNames.Problem(run.ModelName) is { } badName)
        {
            throw new InvalidOperationException($"the run's model name is refused: {badName}");
        }

        var folds = new GroupedFolds(options.Folds, options.Seed);
        var metrics = RunMetrics.Of(snapshot, folds);
        var version = await db.TrainingRuns.CountAsync(r => r.ModelName == run.ModelName && r.Status == TrainingRunStatus.Completed, ct) + 1;
        run.ModelVersion = $"{run.ModelName}-v{version}";
        run.ArtifactLocation = ArtifactFolder.VersionPath(options.ArtifactsPath, run.ModelName, run.ModelVersion);
        await snapshot.WriteAsync(run.ArtifactLocation, ct);
        if (run.Type is TrainingType.Embedding or TrainingType.All)
        {
            await adapter.RunAsync(run, snapshot, folds, metrics, ct);
        }

        if (run.Type is TrainingType.FineTuning or TrainingType.All)
        {
            // Session data in id order, contributed data merged in by each integration's strategy.
            var order = await trainingOrder.OrderAsync(run.ModelName, snapshot.Watermark, ct);
            var accepted = trainingOrder.ExamplesAsync(order, ct);
            var card = await new FineTuningExporter(folds).ExportAsync(accepted, run.ArtifactLocation, run.ModelName, run.ModelVersion, snapshot.Hash, ct);
            metrics["suggested_epochs"] = card.SuggestedEpochs;
            metrics["p95_tokens"] = card.Tokens.P95;
            if (string.Equals(options.FineTuningBackend, "command", StringComparison.OrdinalIgnoreCase))
            {
                var outcome = await command.RunAsync(run.ArtifactLocation, ct);
                metrics["command_exit_code"] = outcome.ExitCode;
                metrics["command_seconds"] = Math.Round(outcome.Duration.TotalSeconds, 3);
            }
            else if (string.Equals(options.FineTuningBackend, "openai", StringComparison.OrdinalIgnoreCase))
            {
                var job = await openAi.RunAsync(run.ArtifactLocation, run.Epochs > 0 ? run.Epochs : options.Epochs, ct);
                metrics["job_seconds"] = Math.Round(job.Duration.TotalSeconds, 3);
                run.ModelVersion = job.FineTunedModel ?? run.ModelVersion;
            }
        }

        run.Status = TrainingRunStatus.Completed;
        run.CompletedAt = clock.GetUtcNow().UtcDateTime;
        run.LeaseExpiresAt = null;
        run.ExampleCount = snapshot.Examples.Count;
        run.Watermark = snapshot.Watermark;
        run.SnapshotHash = snapshot.Hash;
        run.MetricsJson = JsonSerializer.Serialize(metrics);
        await db.SaveChangesAsync(ct);
        telemetry.Finished(TrainingRunStatus.Completed, run.CompletedAt.Value - run.StartedAt!.Value);
        logger.LogInformation("Training run {RunId} for {Model} completed as {Version} on {Examples} examples",
            run.Id, run.ModelName, run.ModelVersion, run.ExampleCount);
        await bus.Publish(new TrainingCompleted(run.Id, run.ModelName, run.ModelVersion, metrics, run.ArtifactLocation), ct);
    }

    private async Task FailAsync(TrainingRunRecord run, string error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Attach(run);
        run.Status = TrainingRunStatus.Failed;
        run.Error = error;
        run.CompletedAt = clock.GetUtcNow().UtcDateTime;
        run.LeaseExpiresAt = null;
        await db.SaveChangesAsync(ct);
        telemetry.Finished(TrainingRunStatus.Failed, run.CompletedAt.Value - (run.StartedAt ?? run.CompletedAt.Value));
        await bus.Publish(new TrainingFailed(run.Id, run.ModelName, error), ct);
    }

    /// <summary>Triggers that arrived during the run were coalesced into one follow-up, decided now by the same policy.</summary>
    private async Task QueueFollowUpAsync(TrainingRunRecord run, CancellationToken ct)
    {
        // Read after the run ended: triggers flag the run only while it is active (see TrainingRequests).
        var followUp = await db.TrainingRuns.AsNoTracking().Where(r => r.Id == run.Id)
            .Select(r => new { r.FollowUpRequested, r.FollowUpForced, r.FollowUpManual }).SingleAsync(ct);
        if (!followUp.FollowUpRequested)
        {
            return;
        }

        var trigger = TrainingPolicy.FollowUpTrigger(followUp.FollowUpManual, followUp.FollowUpForced);
        var outcome = await requests.RequestAsync(
            new TrainingRequest(run.ModelName, run.Type, trigger, followUp.FollowUpForced, run.RequestedBy), ct);
        await bus.Publish((object?)outcome.Queued ?? outcome.Skipped!, ct);
    }
}
