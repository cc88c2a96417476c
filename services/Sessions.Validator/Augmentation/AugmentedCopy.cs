namespace Sessions.Validator.Augmentation;

/// <summary>
/// A rewritten user turn of example <paramref name="ParentId"/>. The copy keeps the parent's assistant reply and
/// session (so fold assignment keeps it on the parent's side) and goes through the same validation as any example.
/// </summary>
public sealed record AugmentedCopy(long ParentId, string Text, AugmentationOperation Operation);
