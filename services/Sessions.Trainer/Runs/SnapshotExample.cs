namespace Sessions.Trainer.Runs;

/// <summary>An accepted original example as a run's snapshot holds it: where it sits, its content hash, its size and the import that added it.</summary>
public sealed record SnapshotExample(long Id, string SessionId, int LastMessageIndex, string ContentHash, int TokenCount, Guid? IntegrationId = null);
