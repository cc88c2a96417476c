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
    /// <summary>Where it came from: <see cref="ExampleOrigin"/>.</summary>
    public string Origin { get; set; } = ExampleOrigin.Session;
    /// <summary>0 for an original; 1..n for the augmented copies of <see cref="ParentExampleId"/> (same session, same reply).</summary>
    public int Variant { get; set; }
    public long? ParentExampleId { get; set; }
    /// <summary>The validator's quality score in [0, 1]; null until validated.</summary>
    public double? QualityScore { get; set; }
    /// <summary>JSON array of <c>{code, detail}</c>: what the validator flagged on an accepted example (outliers, a heuristic just over its limit).</summary>
    public string? QualityFlagsJson { get; set; }
    /// <summary>MinHash signature of the example's last exchange, for near-duplicate checks of later examples.</summary>
    public byte[]? MinHashSignature { get; set; }
    /// <summary>The contributed-data integration that added it (<see cref="IntegrationRecord"/>); null for session data.</summary>
    public Guid? IntegrationId { get; set; }
    /// <summary>
    /// True while a contributed example waits for the embedding backfill: the import committed its text, hashes and
    /// signature, and the vectors of its messages come after. A training run leaves it out until then.
    /// </summary>
    public bool EmbeddingsPending { get; set; }
}
