namespace Sessions.Storage.Entities;

/// <summary>One chat-format fine-tuning example cut from a session; kept whatever its verdict.</summary>
public class ExampleRecord
{
    public long Id { get; set; }
    public string SessionId { get; set; } = "";
    public string ModelName { get; set; } = "";
    /// <summary>JSON array of <c>{role, content}</c> in the chat format fine-tuning tools read.</summary>
    public string MessagesJson { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public int TokenCount { get; set; }
    public int FirstMessageIndex { get; set; }
    public int LastMessageIndex { get; set; }
    public string Status { get; set; } = ExampleStatus.Pending;
    public string? RejectionReasonsJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ValidatedAt { get; set; }
}

public static class ExampleStatus
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}
