using System.Text.Json;
using Sessions.Trainer.Folds;

namespace Sessions.Trainer.Adapters;

/// <summary>What one adapter training measured on the run's validation fold, and whether the adapter is promoted.</summary>
public sealed record AdapterEvaluation(
    RetrievalScores Base, RetrievalScores Adapter, RetrievalScores? Promoted, bool Promote,
    int TrainPairs, int ValidationPairs, IReadOnlyList<double> EpochLosses)
{
    /// <summary>With augmented pairs offered: the adapter trained without them and the one trained with them, on the same validation fold.</summary>
    public RetrievalScores? WithoutAugmentation { get; init; }
    public RetrievalScores? WithAugmentation { get; init; }
    public int AugmentedPairs { get; init; }

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
        metrics["adapter_augmented_pairs"] = AugmentedPairs;
        if (WithoutAugmentation is { } without && WithAugmentation is { } with)
        {
            metrics["adapter_without_augmentation_mrr_at_10"] = Math.Round(without.MrrAt10, 4);
            metrics["adapter_with_augmentation_mrr_at_10"] = Math.Round(with.MrrAt10, 4);
        }
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
/// The adapter is promoted only if its MRR@10 beats both the base and the promoted adapter on that fold. Augmented
/// pairs (copies' user turns as extra queries of their parent's reply) join the training side only; when there are
/// any, a second adapter is trained without them so the run reports both MRR@10s on the same validation fold, and
/// <c>useAugmented</c> says which one the run keeps.
/// </summary>
public sealed class AdapterRun(AdapterTrainer trainer)
{
    public const string WeightsFile = "adapter.bin";
    public const string CardFile = "adapter.json";
    public const int MinPairsPerSide = 2;
    private static readonly JsonSerializerOptions CardJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public AdapterEvaluation Run(
        IReadOnlyList<EmbeddingPair> pairs, GroupedFolds folds, AdapterOptions options, LinearAdapter? promoted,
        string folder, string modelVersion, string snapshotHash, IProgress<(int Epoch, double Loss)>? progress, CancellationToken ct,
        IReadOnlyList<EmbeddingPair>? augmented = null, bool useAugmented = true)
    {
        var train = pairs.Where(p => !folds.IsValidation(p.GroupId)).ToList();
        var validation = pairs.Where(p => folds.IsValidation(p.GroupId)).ToList();
        if (train.Count < MinPairsPerSide || validation.Count < MinPairsPerSide)
        {
            throw new InsufficientPairsException(
                $"{train.Count} training and {validation.Count} validation (user turn, reply) pairs; the adapter needs at least {MinPairsPerSide} of each");
        }

        // A copy never crosses folds: only copies of training-side sessions are offered.
        var extra = (augmented ?? []).Where(p => !folds.IsValidation(p.GroupId)).ToList();
        var without = trainer.Train(train, options, extra.Count == 0 || !useAugmented ? progress : null, ct);
        var with = extra.Count == 0 ? null : trainer.Train([.. train, .. extra], options, useAugmented ? progress : null, ct);
        var result = with is not null && useAugmented ? with : without;
        var baseline = RetrievalMetrics.Evaluate(validation, x => x);
        var adapted = RetrievalMetrics.Evaluate(validation, x => result.Adapter.Apply(x));
        // An adapter over another embedding size (the embedding model changed) cannot be compared; the base then decides.
        var current = promoted is not null && promoted.Dimension == result.Adapter.Dimension
            ? RetrievalMetrics.Evaluate(validation, x => promoted.Apply(x))
            : null;
        var promote = adapted.MrrAt10 > Math.Max(baseline.MrrAt10, current?.MrrAt10 ?? 0);
        var evaluation = new AdapterEvaluation(baseline, adapted, current, promote, train.Count, validation.Count, result.EpochLosses)
        {
            AugmentedPairs = result == with ? extra.Count : 0,
            WithoutAugmentation = with is null ? null : RetrievalMetrics.Evaluate(validation, x => without.Adapter.Apply(x)),
            WithAugmentation = with is null ? null : RetrievalMetrics.Evaluate(validation, x => with.Adapter.Apply(x)),
        };

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
