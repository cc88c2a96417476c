namespace Sessions.Contracts;

/// <summary>A training run was recorded and waits for the trainer's worker; <see cref="Coalesced"/> means it joined a run already queued.</summary>
public record TrainingQueued(Guid RunId, string ModelName, string Type, string Trigger, bool Coalesced);
