using System.Text.Json;
using Sessions.Trainer.Runs;

namespace Sessions.Trainer.Adapters;

/// <summary>What one adapter training measured on the run's validation fold, and whether the adapter is promoted.</summary>
public sealed record AdapterEvaluation(
    RetrievalScores Base, RetrievalScores Adapter, RetrievalScores? Promoted, bool Promote,
    int TrainPairs, int ValidationPairs, IReadOnlyList<double> EpochLosses)
{
    public void AddTo(IDictionary<string, double> metrics)
    {
        Add(metrics, "base", Base);
        Add(metrics, "adapter", Adapter);
        if (Promoted is { } promoted)
        {
            Add(metrics, "promoted", promoted);
        }

        metrics["adapter_train_pairs"] = TrainPairs;
        metrics["adapter_validation_pairs"] = ValidationPairs;
        metrics["adapter_final_loss"] = Math.Round(EpochLosses[^1], 6);
        metrics["adapter_promoted"] = Promote ? 1 : 0;
    }

    private static void Add(IDictionary<string, double> metrics, string prefix, RetrievalScores s)
    {
        metrics[$"{prefix}_recall_at_1"] = Math.Round(s.RecallAt1, 4);
        metrics[$"{prefix}_recall_at_5"] = Math.Round(s.RecallAt5, 4);
        metrics[$"{prefix}_mrr_at_10"] = Math.Round(s.MrrAt10, 4);
    }
}

/// <summary>
/// Trains an adapter on the training folds, scores the base embeddings, the new adapter and the promoted one on the
/// same validation fold, and writes <c>adapter.bin</c> with <c>adapter.json</c> (metrics, snapshot, configuration).
/// The adapter is promoted only if its MRR@10 beats both the base and the promoted adapter on that fold.
/// </summary>
public sealed class AdapterRun(AdapterTrainer trainer)
{
    public const string WeightsFile = "adapter.bin";
    public const string CardFile = "adapter.json";
    public const int MinPairsPerSide = 2;
    private static readonly JsonSerializerOptions CardJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public AdapterEvaluation Run(
        IReadOnlyList<EmbeddingPair> pairs, GroupedFolds folds, AdapterOptions options, LinearAdapter? promoted,
        string folder, string modelVersion, string snapshotHash, IProgress<(int Epoch, double Loss)>? progress, CancellationToken ct)
    {
        var train = pairs.Where(p => !folds.IsValidation(p.GroupId)).ToList();
        var validation = pairs.Where(p => folds.IsValidation(p.GroupId)).ToList();
        if (train.Count < MinPairsPerSide || validation.Count < MinPairsPerSide)
        {
            throw new InsufficientPairsException(
                $"{train.Count} training and {validation.Count} validation (user turn, reply) pairs; the adapter needs at least {MinPairsPerSide} of each");
        }

        var result = trainer.Train(train, options, progress, ct);
        var baseline = RetrievalMetrics.Evaluate(validation, x => x);
        var adapted = RetrievalMetrics.Evaluate(validation, x => result.Adapter.Apply(x));
        // An adapter over another embedding size (the embedding model changed) cannot be compared; the base then decides.
        var current = promoted is not null && promoted.Dimension == result.Adapter.Dimension
            ? RetrievalMetrics.Evaluate(validation, x => promoted.Apply(x))
            : null;
        var promote = adapted.MrrAt10 > Math.Max(baseline.MrrAt10, current?.MrrAt10 ?? 0);
        var evaluation = new AdapterEvaluation(baseline, adapted, current, promote, train.Count, validation.Count, result.EpochLosses);

        Directory.CreateDirectory(folder);
        using (var weights = File.Create(Path.Combine(folder, WeightsFile)))
        {
            result.Adapter.Save(weights);
        }

        var metrics = new SortedDictionary<string, double>();
        evaluation.AddTo(metrics);
        var card = new
        {
            modelVersion,
            format = $"LADP v{LinearAdapter.FormatVersion}: d x d float32, applied as normalize(W x)",
            dimension = result.Adapter.Dimension,
            snapshotHash,
            promoted = promote,
            metrics,
            epochLosses = result.EpochLosses,
            configuration = options,
        };
        File.WriteAllText(Path.Combine(folder, CardFile), JsonSerializer.Serialize(card, CardJson));
        return evaluation;
    }
}

/// <summary>Too few pairs on one side of the split to train or to measure an adapter.</summary>
public sealed class InsufficientPairsException(string message) : InvalidOperationException(message);
