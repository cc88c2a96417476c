using Sessions.Contracts;

namespace Sessions.Validator.Quality;

/// <summary>
/// The score in [0,1], every reason (also the flags of an accepted example), and the signals behind them.
/// Rejected when the score is below the minimum or any hard failure was found.
/// </summary>
public sealed record QualityAssessment(double Score, bool Accepted, IReadOnlyList<RejectionReason> Reasons, TextQualitySignals Signals)
{
    public IEnumerable<string> Codes => Reasons.Select(r => r.Code);
}
