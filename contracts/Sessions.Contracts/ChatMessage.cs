namespace Sessions.Contracts;

/// <summary>One turn of a conversation; role is <c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
public record ChatMessage
{
    public string Role { get; init; } = "";
    public string Content { get; init; } = "";
    public DateTimeOffset Timestamp { get; init; }
}
