namespace Sessions.Storage.Entities;

/// <summary>
/// One augmented copy a training run's augmentor made of an accepted example's last user turn, kept whether it passed
/// or not so it can be audited: its run, parent, method, the parent cosine and fluency it scored and, when refused, why.
/// </summary>
public class AugmentedCopyRecord
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public string ModelName { get; set; } = "";
    public long ParentExampleId { get; set; }
    /// <summary>The parent's session: a copy sits in its parent's fold.</summary>
    public string SessionId { get; set; } = "";
    /// <summary>1..n within the parent, in the order the augmentor made them.</summary>
    public int Ordinal { get; set; }
    /// <summary><c>synonym_replacement</c>, <c>random_insertion</c>, <c>random_swap</c>, <c>random_deletion</c> or <c>paraphrase</c>.</summary>
    public string Method { get; set; } = "";
    public string UserText { get; set; } = "";
    /// <summary>The parent's messages with the rewritten user turn; null for a refused copy.</summary>
    public string? MessagesJson { get; set; }
    public string? ContentHash { get; set; }
    public int TokenCount { get; set; }
    public double? ParentCosine { get; set; }
    public double? Fluency { get; set; }
    public bool Accepted { get; set; }
    /// <summary>A stable reason code when refused (<c>semantic_drift</c>, <c>not_fluent</c>, <c>protected_span_changed</c>, …).</summary>
    public string? RejectionReason { get; set; }
    /// <summary>The copy's user-turn embedding (float32, little-endian) for the adapter; null for a refused copy.</summary>
    public byte[]? Vector { get; set; }
}
