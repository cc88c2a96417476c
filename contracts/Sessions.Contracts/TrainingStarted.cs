namespace Sessions.Contracts;

public record TrainingStarted(Guid RunId, string ModelName, string Type, int ExampleCount);
