namespace Sessions.Validator.Quality;

/// <summary>How much a finding weighs in the score (see <see cref="QualityScorer"/>).</summary>
public enum FindingKind
{
    HardFailure,
    Rule,
    Heuristic,
    Outlier,
}
