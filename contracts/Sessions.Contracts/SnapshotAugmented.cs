namespace Sessions.Contracts;

/// <summary>
/// The augmentor stored the copies of run <see cref="RunId"/>'s snapshot (the copies stay in the database): how many
/// parents it tried, how many copies it kept by method and how many it refused by reason code.
/// </summary>
public record SnapshotAugmented(
    Guid RunId,
    string ModelName,
    int Parents,
    int Copies,
    IReadOnlyDictionary<string, int> CopiesByMethod,
    IReadOnlyDictionary<string, int> RejectedByReason);
