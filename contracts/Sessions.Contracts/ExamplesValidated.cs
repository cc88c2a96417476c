namespace Sessions.Contracts;

/// <summary>
/// The examples of one session were validated: <see cref="Accepted"/> and <see cref="Rejected"/> count the session's own
/// examples, <see cref="RejectedByReason"/> their rejections per reason code, <see cref="Augmented"/> the copies stored besides.
/// </summary>
public record ExamplesValidated(
    string SessionId,
    string ModelName,
    int Accepted,
    int Rejected,
    IReadOnlyDictionary<string, int> RejectedByReason,
    int Augmented = 0);
