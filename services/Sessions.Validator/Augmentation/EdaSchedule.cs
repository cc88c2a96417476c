namespace Sessions.Validator.Augmentation;

/// <summary>EDA's strength (<paramref name="Alpha"/>: share of words changed) and copies per example.</summary>
public sealed record EdaParameters(double Alpha, int Copies);

/// <summary>From a dataset of <paramref name="FromExamples"/> original examples on, use these parameters.</summary>
public sealed record EdaScheduleStep(int FromExamples, double Alpha, int Copies);

/// <summary>
/// Alpha and copies per example by dataset size: the more real examples, the fewer and milder the copies.
/// The default is Table 3 of Wei &amp; Zou 2019 (arXiv:1901.11196), "recommended usage parameters":
/// N=500: alpha 0.05, 16 copies; N=2,000: 0.05, 8; N=5,000: 0.1, 4; more: 0.1, 4. The paper gives rows, not
/// ranges; here a row applies from its size up to the next row's, and the first row also below it (fewer than 500
/// examples still get 16 copies: the paper's gains are largest there).
/// </summary>
public sealed class EdaSchedule
{
    public static readonly IReadOnlyList<EdaScheduleStep> Paper =
    [
        new(0, 0.05, 16),
        new(2_000, 0.05, 8),
        new(5_000, 0.1, 4),
    ];

    private readonly EdaScheduleStep[] _steps;

    public EdaSchedule(IReadOnlyList<EdaScheduleStep>? steps = null)
    {
        _steps = [.. (steps is { Count: > 0 } ? steps : Paper).OrderBy(s => s.FromExamples)];
        foreach (var step in _steps)
        {
            if (step.Alpha is < 0 or > 1 || step.Copies < 0)
            {
                throw new ArgumentException($"schedule step {step}: alpha must be in [0, 1] and copies at least 0", nameof(steps));
            }
        }
    }

    public IReadOnlyList<EdaScheduleStep> Steps => _steps;

    /// <summary>The parameters for a dataset of <paramref name="originalExamples"/> (augmented copies not counted).</summary>
    public EdaParameters For(int originalExamples)
    {
        var step = _steps[0];
        foreach (var candidate in _steps)
        {
            if (candidate.FromExamples <= originalExamples)
            {
                step = candidate;
            }
        }

        return new EdaParameters(step.Alpha, step.Copies);
    }
}
