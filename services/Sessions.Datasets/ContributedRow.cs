namespace Sessions.Datasets;

/// <summary>One chat message of a contributed row; roles are <c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
public sealed record ContributedMessage(string Role, string Content);

/// <summary>
/// One accepted row of a contributed file, already mapped to chat format.
/// <paramref name="RowNumber"/> is 1-based within <paramref name="Source"/> (JSON Lines: the line; JSON array: the
/// element; CSV: the data record after the header), so a report can point at it.
/// </summary>
public sealed record ContributedRow(
    string Source,
    long RowNumber,
    IReadOnlyList<ContributedMessage> Messages,
    string? SessionId = null,
    float[]? Embedding = null,
    double? Weight = null);
