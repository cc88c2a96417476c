namespace Sessions.Contracts;

/// <summary>An admin asks for a training run. <see cref="Type"/> is one of <see cref="TrainingType"/>; <see cref="Epochs"/> overrides the configured count.</summary>
public record TrainModel(string ModelName, string Type, bool Force, string RequestedBy, int? Epochs = null);
