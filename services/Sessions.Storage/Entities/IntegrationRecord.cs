namespace Sessions.Storage.Entities;

/// <summary>
/// One import of a contributed data set into a model's examples. Written in its own short transaction before
/// the rows, so a failed or cancelled import stays visible; the examples it added carry its id.
/// </summary>
public class IntegrationRecord
{
    public Guid Id { get; set; }
    public string ModelName { get; set; } = "";
    /// <summary>The source as given (path under an import root, or URL).</summary>
    public string Source { get; set; } = "";
    /// <summary>jsonl, json or csv.</summary>
    public string Format { get; set; } = "";
    /// <summary>How the trainer mixes these examples with session data: <see cref="MergeStrategy"/>.</summary>
    public string MergeStrategy { get; set; } = Entities.MergeStrategy.Append;
    /// <summary>Sampling weight of contributed lines for <see cref="Entities.MergeStrategy.Weighted"/>; null otherwise.</summary>
    public double? Weight { get; set; }
    public int? ShuffleSeed { get; set; }
    public bool Dedupe { get; set; }
    public string Status { get; set; } = IntegrationStatus.Running;
    public string RequestedBy { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public long RowsRead { get; set; }
    public long Accepted { get; set; }
    public long Rejected { get; set; }
    public long DuplicatesInFile { get; set; }
    public long DuplicatesExisting { get; set; }
    /// <summary>JSON object: rejection code -> count (codes from the dataset reader and the example checks).</summary>
    public string RejectedByCodeJson { get; set; } = "{}";
    /// <summary>The named error of a failed import (e.g. <c>truncated_json_array: ...</c>); null otherwise.</summary>
    public string? Error { get; set; }
    /// <summary>
    /// The process running an import from the admin tool (<c>machine/pid/start ticks</c>), so that a row it left
    /// "running" when killed is recognised as abandoned; null for the consumer's imports, which redelivery restarts.
    /// </summary>
    public string? Owner { get; set; }
}
