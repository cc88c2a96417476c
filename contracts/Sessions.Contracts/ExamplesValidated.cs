namespace Sessions.Contracts;

/// <summary>The examples of one session were validated; <see cref="RejectedByReason"/> counts rejections per reason code.</summary>
public record ExamplesValidated(
    string SessionId,
    string ModelName,
    int Accepted,
    int Rejected,
    IReadOnlyDictionary<string, int> RejectedByReason);
