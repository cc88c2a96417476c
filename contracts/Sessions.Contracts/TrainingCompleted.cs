namespace Sessions.Contracts;

public record TrainingCompleted(Guid RunId, string ModelName, string ModelVersion, IReadOnlyDictionary<string, double> Metrics, string? ArtifactLocation);
