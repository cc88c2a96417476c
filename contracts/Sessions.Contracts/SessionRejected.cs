namespace Sessions.Contracts;

/// <summary>A session did not meet the session requirements; every violated rule is listed.</summary>
public record SessionRejected(string SessionId, string ModelName, IReadOnlyList<RejectionReason> Reasons);
