namespace Sessions.Trainer.FineTuning;

public sealed record FineTuningJobOutcome(string JobId, string Status, string? FineTunedModel, TimeSpan Duration);
