namespace Sessions.Validator.Augmentation;

/// <summary>
/// One copy the augmentor tried, kept or refused: <see cref="Reason"/> is null for a kept copy. A parent that gets no
/// copy at all is one outcome with <see cref="Ordinal"/> 0, method <c>none</c> and the parent's reason.
/// </summary>
public sealed record CopyOutcome(
    long ParentId, string SessionId, int Ordinal, string Method, string Text,
    string? MessagesJson, string? ContentHash, int TokenCount, double? ParentCosine, double? Fluency, string? Reason, float[]? Vector)
{
    public bool Accepted => Reason is null;
}
