namespace Sessions.Contracts;

/// <summary>An admin asks for a training run. <see cref="Type"/> is one of <see cref="TrainingType"/>.</summary>
public record TrainModel(string ModelName, string Type, bool Force, string RequestedBy);
