namespace Sessions.Trainer.Augmentation;

/// <summary>A kept augmented copy of one of the run's examples: its parent, place among the parent's copies, method, messages and user-turn embedding.</summary>
public sealed record RunCopy(long ParentExampleId, string SessionId, int Ordinal, string Method, string MessagesJson, int TokenCount, float[]? Vector);
