namespace Sessions.Validator.Augmentation;

/// <summary>An accepted example of a run's snapshot, as the augmentor reads it.</summary>
public sealed record AugmentationParent(long Id, string SessionId, string ContentHash, string MessagesJson, int TokenCount);
