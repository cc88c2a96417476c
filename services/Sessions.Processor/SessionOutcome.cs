using Sessions.Contracts;
using Sessions.Processor.Enrichment;
using Sessions.Processor.Examples;

namespace Sessions.Processor;

/// <summary>What became of a session: its rejection reasons, or its redacted content, examples, embeddings and sources.</summary>
public sealed record SessionOutcome(
    IReadOnlyList<RejectionReason> Reasons,
    SessionEnded? Redacted,
    IReadOnlyList<FineTuningExample> Examples,
    IReadOnlyList<MessageEmbedding> Embeddings,
    int InvalidEmbeddings,
    IReadOnlyDictionary<string, int> PiiCounts,
    IReadOnlyList<SourceResult> Sources)
{
    public bool Accepted => Reasons.Count == 0;

    /// <summary>Sources that answered over sources asked (seed 003's data-quality score).</summary>
    public double DataQuality => Sources.Count == 0 ? 0 : (double)Sources.Count(s => s.Succeeded) / Sources.Count;

    public static SessionOutcome Rejected(IReadOnlyList<RejectionReason> reasons) =>
        new(reasons, null, [], [], 0, new Dictionary<string, int>(), []);
}
