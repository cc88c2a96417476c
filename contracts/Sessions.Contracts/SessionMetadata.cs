namespace Sessions.Contracts;

public record SessionMetadata
{
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public IReadOnlyDictionary<string, string>? Properties { get; init; }
}
