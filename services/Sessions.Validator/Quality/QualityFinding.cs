using Sessions.Contracts;

namespace Sessions.Validator.Quality;

/// <param name="Severity">Multiplies the kind's penalty: 1 for a broken limit; for heuristics value / limit, capped at 2.</param>
public sealed record QualityFinding(FindingKind Kind, RejectionReason Reason, double Severity = 1);
