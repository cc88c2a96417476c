namespace Sessions.Trainer.FineTuning;

/// <summary>The metrics a backend adds to its run, and the name of the model it trained when it trained one.</summary>
public sealed record FineTuningOutcome(IReadOnlyDictionary<string, double> Metrics, string? FineTunedModel = null);
