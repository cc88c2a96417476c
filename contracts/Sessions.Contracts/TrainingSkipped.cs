namespace Sessions.Contracts;

/// <summary>A trigger did not start a run; <see cref="Reason"/> is a stable code such as <c>not_enough_new_examples</c>.</summary>
public record TrainingSkipped(string ModelName, string Reason, string Detail);
