using Sessions.Contracts;
using Sessions.Deduplication;

namespace Sessions.Validator.Validation;

/// <summary>
/// The verdict on one example: rejected when any reason is given, and then every reason is kept. Flags are what an
/// accepted example was noticed for (an outlier, a heuristic just over its limit). The fingerprint is persisted for accepted ones.
/// </summary>
public sealed record ExampleVerdict(long Id, IReadOnlyList<RejectionReason> Reasons, TextFingerprint Fingerprint, double? QualityScore = null)
{
    public IReadOnlyList<RejectionReason> Flags { get; init; } = [];

    public bool Accepted => Reasons.Count == 0;
}
