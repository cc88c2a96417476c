using Sessions.Trainer.Folds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Trainer.Adapters;
using Sessions.Trainer.Augmentation;

namespace Sessions.Trainer.Runs;

/// <summary>The embedding part of a run: load the snapshot's pairs, train and measure the adapter, and decide promotion.</summary>
public sealed class AdapterStage(SessionsDbContext db, ReplyPairLoader pairs, AdapterRun adapterRun, TrainerOptions options, ILogger<AdapterStage> logger)
{
    /// <summary>Adds the adapter's metrics; marks <paramref name="run"/> promoted (and un-marks the previous one) for the caller to save.</summary>
    public async Task RunAsync(TrainingRunRecord run, DatasetSnapshot snapshot, GroupedFolds folds, RunCopies copies, IDictionary<string, double> metrics, CancellationToken ct)
    {
        var loaded = await pairs.LoadAsync(run.ModelName, snapshot, ct);
        metrics["adapter_examples_without_pair"] = loaded.ExamplesWithoutPair;
        // A copy's user turn is another way to ask for its parent's reply: one more query of the same pair.
        var augmented = copies.Copies
            .Where(c => c.Vector is not null && loaded.RepliesByExample.ContainsKey(c.ParentExampleId))
            .Select(c => new EmbeddingPair(c.SessionId, c.Vector!, loaded.RepliesByExample[c.ParentExampleId]))
            .Where(p => p.Query.Length == p.Target.Length)
            .ToList();
        var promotedRun = await db.TrainingRuns
            .Where(r => r.ModelName == run.ModelName && r.Promoted && r.Id != run.Id)
            .OrderByDescending(r => r.CompletedAt)
            .FirstOrDefaultAsync(ct);
        var settings = options.Adapter.For(run.Epochs > 0 ? run.Epochs : options.Epochs, options.BatchSize, options.Seed);
        var progress = new Progress<(int Epoch, double Loss)>(p =>
            logger.LogInformation("Run {RunId}: adapter epoch {Epoch}/{Epochs}, loss {Loss:F4}", run.Id, p.Epoch, settings.Epochs, p.Loss));
        try
        {
            // CPU-bound for seconds to minutes: off the worker's async flow so the lease keeps being renewed.
            var evaluation = await Task.Run(
                () => adapterRun.Run(loaded.Pairs, folds, settings, LoadPromoted(promotedRun), run.ArtifactLocation!, run.ModelVersion!, snapshot.Hash, progress, ct,
                    augmented, options.Augmentation.AdapterPairs), ct);
            evaluation.AddTo(metrics);
            metrics["adapter_trained"] = 1;
            if (evaluation.Promote)
            {
                run.Promoted = true;
                promotedRun?.Promoted = false;
            }

            logger.LogInformation("Run {RunId}: validation MRR@10 base {Base:F3}, adapter {Adapter:F3}, promoted {Promoted}",
                run.Id, evaluation.Base.MrrAt10, evaluation.Adapter.MrrAt10, evaluation.Promote);
        }
        catch (InsufficientPairsException ex) when (run.Type == TrainingType.All)
        {
            // A mixed run still exports its fine-tuning data; an embedding-only run fails with this reason. Expected while a
            // model has too few sessions for two sides (recorded as adapter_trained=0), so not a warning.
            metrics["adapter_trained"] = 0;
            logger.LogInformation("Run {RunId}: no adapter trained: {Reason}", run.Id, ex.Message);
        }
    }

    private LinearAdapter? LoadPromoted(TrainingRunRecord? promotedRun)
    {
        if (promotedRun?.ArtifactLocation is not { } folder)
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(Path.Combine(folder, AdapterRun.WeightsFile));
            return LinearAdapter.Load(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The promoted artifact is gone or damaged: the new adapter is then measured against the base only.
            logger.LogWarning(ex, "Promoted adapter {Version} could not be read from {Folder}", promotedRun.ModelVersion, folder);
            return null;
        }
    }
}
