namespace Sessions.Storage.Entities;

/// <summary>A received session: accepted (with its messages) or rejected (with its reasons only).</summary>
public class SessionRecord
{
    public string SessionId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string ModelName { get; set; } = "";
    public string Status { get; set; } = SessionStatus.Accepted;
    public int MessageCount { get; set; }
    public DateTime? StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>JSON array of the session's messages; null for rejected sessions, whose content is not kept.</summary>
    public string? MessagesJson { get; set; }
    /// <summary>JSON array of <c>{code, detail}</c>; null when accepted.</summary>
    public string? RejectionReasonsJson { get; set; }
    public int ExampleCount { get; set; }
    public int EmbeddingCount { get; set; }
    /// <summary>Enrichment sources that answered over sources asked, in [0, 1] (seed 003).</summary>
    public double DataQuality { get; set; }
    /// <summary>JSON object: PII placeholders inserted per type (<c>{"Email": 1}</c>).</summary>
    public string? PiiCountsJson { get; set; }
    /// <summary>JSON array: each enrichment source, whether it answered, its error and its data.</summary>
    public string? SourcesJson { get; set; }
}
