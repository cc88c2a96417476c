namespace Sessions.Storage;

/// <summary>An accepted example's content hash, and the integration that brought it (null for session data).</summary>
public sealed record AcceptedContent(string ContentHash, Guid? IntegrationId);
