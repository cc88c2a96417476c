namespace Sessions.Admin.Status;

/// <summary>Every source's answer (or failure), and the share of sources that answered (seed 003's quality score).</summary>
public sealed record StatusReport(IReadOnlyList<SourceStatus> Sources)
{
    public double Quality => Sources.Count == 0 ? 0 : (double)Sources.Count(s => s.Answered) / Sources.Count;
}
