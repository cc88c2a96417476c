namespace Sessions.Contracts;

/// <summary>Published by a chat backend when a conversation has finished.</summary>
/// <remarks>Every property tolerates absence so that a malformed session is rejected with reasons instead of failing to deserialize.</remarks>
public record SessionEnded
{
    public string SessionId { get; init; } = "";
    public string UserId { get; init; } = "";
    public string ModelName { get; init; } = "default";
    public IReadOnlyList<ChatMessage>? Messages { get; init; } = [];
    public SessionMetadata? Metadata { get; init; }
}
