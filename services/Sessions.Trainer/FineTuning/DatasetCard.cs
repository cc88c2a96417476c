namespace Sessions.Trainer.FineTuning;

/// <summary>What an exported fine-tuning dataset holds, written beside it as <c>dataset_card.json</c>.</summary>
public sealed record DatasetCard(
    string ModelName,
    string ModelVersion,
    string SnapshotHash,
    int TrainExamples,
    int ValidationExamples,
    int Sessions,
    TokenStatistics Tokens,
    int SuggestedEpochs,
    string Format)
{
    /// <summary>What augmentation the run used, in words; and how many of the training lines are augmented copies.</summary>
    public string Augmentation { get; init; } = "none";
    public int AugmentedTrainExamples { get; init; }

    /// <summary>OpenAI's data-preparation heuristic: aim at 100..25,000 example passes, 3 epochs by default, 1..25.</summary>
    public static int SuggestEpochs(int examples) => examples switch
    {
        <= 0 => 0,
        _ when examples * 3 < 100 => Math.Min(25, (int)Math.Ceiling(100.0 / examples)),
        _ when examples * 3 > 25_000 => Math.Max(1, 25_000 / examples),
        _ => 3,
    };
}
