using Sessions.Trainer.Folds;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Contributions.Merging;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Text.Names;
using Sessions.Trainer.Augmentation;
using Sessions.Trainer.FineTuning;
using Sessions.Trainer.Triggering;

namespace Sessions.Trainer.Runs;

/// <summary>Claims queued runs one at a time, executes them and records the outcome. Runs in the worker, never in a consumer.</summary>
public sealed class TrainingRunner(
    SessionsDbContext db,
    TrainingRequests requests,
    RunLease lease,
    IFineTuningBackend backend,
    AdapterStage adapter,
    AugmentationStage augmentation,
    TrainingSnapshotLoader trainingOrder,
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

        if (!await lease.ClaimAsync(db, queued.Id, ct))
        {
            return true; // another worker took it
        }

        await db.Entry(queued).ReloadAsync(ct);
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = lease.KeepAliveAsync(queued.Id, renewal.Token);
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

    private async Task ExecuteAsync(TrainingRunRecord run, CancellationToken ct)
    {
        // Contributed rows still waiting for the embedding backfill join the next run, not this one.
        var waiting = await db.Examples.CountAsync(e => e.ModelName == run.ModelName && e.Status == ExampleStatus.Accepted && e.EmbeddingsPending, ct);
        if (waiting > 0) logger.LogInformation("Run {RunId} leaves out {Waiting} accepted examples that wait for their embeddings", run.Id, waiting);
        var snapshot = await trainingOrder.SnapshotAsync(run.ModelName, ct);
        await bus.Publish(new TrainingStarted(run.Id, run.ModelName, run.Type, snapshot.Examples.Count), ct);
        if (snapshot.Examples.Count == 0)
        {
            throw new InvalidOperationException($"no accepted examples for model '{run.ModelName}'");
        }

        if (ModelNames.Problem(run.ModelName) is { } badName)
        {
            throw new InvalidOperationException($"the run's model name is refused: {badName}");
        }

        var folds = new GroupedFolds(options.Folds, options.Seed, snapshot.SessionIds);
        var metrics = RunMetrics.Of(snapshot, folds);
        var version = await db.TrainingRuns.CountAsync(r => r.ModelName == run.ModelName && r.Status == TrainingRunStatus.Completed, ct) + 1;
        run.ModelVersion = $"{run.ModelName}-v{version}";
        run.ArtifactLocation = ArtifactFolder.VersionPath(options.ArtifactsPath, run.ModelName, run.ModelVersion);
        await snapshot.WriteAsync(run.ArtifactLocation, ct);
        var copies = await augmentation.CopiesAsync(run.Id, run.ModelName, [.. snapshot.Examples.Select(e => e.Id)], metrics, ct);
        await ContinueAsync(run, snapshot, folds, copies, metrics, ct);
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

    /// <summary>The adapter and the fine-tuning files, both from <paramref name="snapshot"/> alone.</summary>
    private async Task ContinueAsync(TrainingRunRecord run, DatasetSnapshot snapshot, GroupedFolds folds, RunCopies copies, Dictionary<string, double> metrics, CancellationToken ct)
    {
        if (run.Type is TrainingType.Embedding or TrainingType.All)
        {
            await adapter.RunAsync(run, snapshot, folds, copies, metrics, ct);
        }

        if (run.Type is TrainingType.FineTuning or TrainingType.All)
        {
            // Session data by session and position, contributed data merged in by each integration's strategy.
            var order = await trainingOrder.OrderAsync(run.ModelName, snapshot, ct);
            var accepted = trainingOrder.ExamplesAsync(order, ct);
            var perExample = options.Augmentation.CopiesPerExampleInFiles;
            var copyLines = copies.Copies.ToLookup(c => c.ParentExampleId, c => new ExportExample(c.SessionId, c.MessagesJson, c.TokenCount, c.ParentExampleId));
            var described = perExample > 0 && copies.Copies.Count > 0
                ? $"up to {perExample} augmented copies per training example from: {copies.Description}"
                : $"none in these files (Trainer:Augmentation:CopiesPerExampleInFiles is {perExample}); run copies: {copies.Description}";
            var card = await new FineTuningExporter(folds).ExportAsync(accepted, run.ArtifactLocation!, run.ModelName, run.ModelVersion!, snapshot.Hash, ct,
                copyLines, perExample, described);
            metrics["train_file_augmented_examples"] = card.AugmentedTrainExamples;
            metrics["suggested_epochs"] = card.SuggestedEpochs;
            metrics["p95_tokens"] = card.Tokens.P95;
            var outcome = await backend.TrainAsync(run.ArtifactLocation!, run.Epochs > 0 ? run.Epochs : options.Epochs, ct);
            foreach (var (name, value) in outcome.Metrics)
            {
                metrics[name] = value;
            }

            run.ModelVersion = outcome.FineTunedModel ?? run.ModelVersion;
        }
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
