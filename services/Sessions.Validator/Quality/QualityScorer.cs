using System.Globalization;
using Sessions.Contracts;
using Sessions.Text;

namespace Sessions.Validator.Quality;

/// <summary>
/// Combines the quality checks into a score in [0,1]:
/// any hard failure (empty text, sequence length, embedding dimension/finite/norm) gives 0; otherwise
/// score = 1 - sum of penalties, one per finding: <see cref="QualityOptions.RulePenalty"/> (0.35) for a broken config
/// rule, <see cref="QualityOptions.HeuristicPenalty"/> (0.25) per junk heuristic times its severity (value / limit,
/// between 1 and 2), <see cref="QualityOptions.OutlierPenalty"/> (0.15) per outlier flag; clamped at 0 and rounded to
/// 4 decimals. Accepted when there is no hard failure and the score is at least
/// <see cref="QualityOptions.MinQualityScore"/> (0.7). So a config rule alone rejects; a heuristic just over its limit,
/// or an outlier, is kept as a flag on an accepted example; a heuristic beyond 1.2x its limit, or two soft
/// signals together, reject.
/// </summary>
public sealed class QualityScorer(QualityOptions options)
{
    private readonly QualityFindings _findings = new(options);

    /// <summary>One example against the model's accepted corpus; does not change <paramref name="state"/>.</summary>
    public QualityAssessment Assess(QualityInput input, ModelQualityState state) =>
        Assess(input, TextQualitySignals.Of(input.Text), state);

    /// <summary>The same with the text's signals already computed (<see cref="TextQualitySignals.Of"/> of <see cref="QualityInput.Text"/>).</summary>
    public QualityAssessment Assess(QualityInput input, TextQualitySignals signals, ModelQualityState state) =>
        Combine(_findings.Of(input, signals, state), signals);

    /// <summary>
    /// A session's examples (one batch), each against the corpus as it is before the batch. When the session's duplicate
    /// ratio is above the maximum, every example of the session also gets <see cref="QualityCodes.SessionDuplicateRatio"/>.
    /// Call <see cref="ModelQualityState.Learn"/> for the accepted ones afterwards.
    /// </summary>
    public IReadOnlyList<QualityAssessment> AssessSession(IReadOnlyList<QualityInput> examples, ModelQualityState state) =>
        AssessSession(examples, examples.Select(e => TextQualitySignals.Of(e.Text)).ToList(), state);

    /// <summary>The same with each text's signals already computed; <paramref name="signals"/> pairs with <paramref name="examples"/>.</summary>
    public IReadOnlyList<QualityAssessment> AssessSession(IReadOnlyList<QualityInput> examples, IReadOnlyList<TextQualitySignals> signals, ModelQualityState state)
    {
        var ratio = SessionDuplicateRatio(examples.Select(e => e.Text));
        QualityFinding? duplicates = ratio > options.MaxSessionDuplicateRatio
            ? new(FindingKind.Rule, new RejectionReason(QualityCodes.SessionDuplicateRatio,
                $"{ratio.ToString("0.###", CultureInfo.InvariantCulture)} of the session's examples repeat another; at most {options.MaxSessionDuplicateRatio.ToString(CultureInfo.InvariantCulture)}"))
            : null;

        var assessments = new List<QualityAssessment>(examples.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            var findings = _findings.Of(examples[i], signals[i], state);
            if (duplicates is not null)
            {
                findings.Add(duplicates);
            }

            assessments.Add(Combine(findings, signals[i]));
        }

        return assessments;
    }

    /// <summary>Share of texts whose normalized form repeats an earlier one: [a, a, b] is 1/3; empty is 0.</summary>
    public static double SessionDuplicateRatio(IEnumerable<string> texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int total = 0, repeats = 0;
        foreach (var text in texts)
        {
            total++;
            repeats += seen.Add(TextNormalizer.Normalize(text ?? string.Empty)) ? 0 : 1;
        }

        return total == 0 ? 0 : (double)repeats / total;
    }

    private QualityAssessment Combine(List<QualityFinding> findings, TextQualitySignals signals)
    {
        var hard = findings.Any(f => f.Kind == FindingKind.HardFailure);
        var penalty = findings.Sum(f => f.Severity * f.Kind switch
        {
            FindingKind.Rule => options.RulePenalty,
            FindingKind.Heuristic => options.HeuristicPenalty,
            FindingKind.Outlier => options.OutlierPenalty,
            _ => 0,
        });
        var score = hard ? 0 : Math.Round(Math.Clamp(1 - penalty, 0, 1), 4);
        var reasons = findings.Select(f => f.Reason).ToList();
        var accepted = !hard && score >= options.MinQualityScore;
        if (!accepted)
        {
            reasons.Add(new(QualityCodes.LowQualityScore,
                $"score {score.ToString("0.####", CultureInfo.InvariantCulture)}{(hard ? " (hard failure)" : "")}; at least {options.MinQualityScore.ToString(CultureInfo.InvariantCulture)}"));
        }

        return new QualityAssessment(score, accepted, reasons, signals);
    }
}
