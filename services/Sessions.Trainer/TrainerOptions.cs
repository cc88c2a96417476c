namespace Sessions.Trainer;

/// <summary>Training defaults (seed 001), bound from the <c>Trainer</c> section.</summary>
public class TrainerOptions
{
    public const string SectionName = "Trainer";

    public int MinNewExamples { get; set; } = 5;
    /// <summary>Automatic runs for a model start at most this often; manual runs ignore it.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.Zero;
    public double ValidationSplit { get; set; } = 0.2;
    public int Folds { get; set; } = 5;
    public int Seed { get; set; } = 42;
    public int BatchSize { get; set; } = 32;
    public double LearningRate { get; set; } = 2e-5;
    public int Epochs { get; set; } = 3;
    public const int MaxEpochs = 1000;
    /// <summary>Where runs write their artifacts (fine-tuning files, dataset card, adapters), one folder per model version.</summary>
    public string ArtifactsPath { get; set; } = "data/artifacts";
    /// <summary>What happens to the exported fine-tuning files: <c>export</c> (files only), <c>command</c> (an external trainer) or <c>openai</c> (a fine-tuning API).</summary>
    public string FineTuningBackend { get; set; } = "export";
    /// <summary>The linear adapter's learning rate, temperature and weight decay; epochs, batch size and seed are the ones above.</summary>
    public Adapters.AdapterOptions Adapter { get; set; } = new();
    public FineTuning.CommandBackendOptions Command { get; set; } = new();
    /// <summary>The run's augmentation step: whether to ask the augmentor, how long to wait, and where copies go.</summary>
    public Augmentation.RunAugmentationOptions Augmentation { get; set; } = new();
    public FineTuning.OpenAiFineTuningOptions OpenAi { get; set; } = new();
    /// <summary>A running run's lease; a run whose lease lapses was abandoned by a crashed worker and is marked failed.</summary>
    public TimeSpan RunLease { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How often the worker looks for queued runs besides being signalled.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
