namespace Sessions.Contracts;

public record TrainingFailed(Guid RunId, string ModelName, string Error);
