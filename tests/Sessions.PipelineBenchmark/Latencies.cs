namespace Sessions.PipelineBenchmark;

/// <summary>Percentiles of a set of durations (nearest rank).</summary>
public sealed class Latencies(IEnumerable<TimeSpan> values)
{
    private readonly TimeSpan[] _sorted = values.Order().ToArray();

    public int Count => _sorted.Length;

    public TimeSpan Percentile(double p) =>
        _sorted.Length == 0 ? TimeSpan.Zero : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public override string ToString() =>
        $"p50 {Percentile(50).TotalMilliseconds:F0} ms, p95 {Percentile(95).TotalMilliseconds:F0} ms, p99 {Percentile(99).TotalMilliseconds:F0} ms";
}
