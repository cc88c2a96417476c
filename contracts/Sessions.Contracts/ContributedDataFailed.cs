namespace Sessions.Contracts;

/// <summary>A contributed data import failed and left nothing behind; <see cref="Error"/> starts with the error code.</summary>
public record ContributedDataFailed(Guid IntegrationId, string ModelName, string Error);
