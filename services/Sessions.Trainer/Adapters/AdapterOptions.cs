namespace Sessions.Trainer.Adapters;

/// <summary>
/// Settings for training a linear adapter over stored base embeddings, bound from <c>Trainer:Adapter</c>. In a run,
/// epochs, batch size and seed come from the run and the <c>Trainer</c> section (see <see cref="For"/>).
/// </summary>
public sealed class AdapterOptions
{
    public int Epochs { get; set; } = 3;
    public int BatchSize { get; set; } = 32;
    /// <summary>The seed default for fine-tuning a whole model; kept for parity, not used by <see cref="AdapterTrainer"/>.</summary>
    public double LearningRate { get; set; } = 2e-5;
    // A from-identity adapter needs steps of a few percent per weight to move at all; 2e-5 leaves it the identity.
    public double AdapterLearningRate { get; set; } = 0.05;
    public double Temperature { get; set; } = 0.05;
    public int Seed { get; set; } = 42;
    /// <summary>Decay pulling the weights back towards the identity (the base embeddings), not towards zero.</summary>
    public double WeightDecay { get; set; }

    public AdapterOptions For(int epochs, int batchSize, int seed) => new()
    {
        Epochs = epochs,
        BatchSize = batchSize,
        Seed = seed,
        LearningRate = LearningRate,
        AdapterLearningRate = AdapterLearningRate,
        Temperature = Temperature,
        WeightDecay = WeightDecay,
    };
}
