using System.Diagnostics.Metrics;

namespace Sessions.Trainer;

/// <summary>The trainer's counters and histograms (meter <c>Sessions.Trainer</c>).</summary>
public sealed class TrainerMetrics : IDisposable
{
    public const string MeterName = "Sessions.Trainer";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _runSeconds;

    public TrainerMetrics()
    {
        _decisions = _meter.CreateCounter<long>("training.decisions", description: "Trigger decisions, by decision and reason");
        _runs = _meter.CreateCounter<long>("training.runs", description: "Finished runs, by outcome");
        _runSeconds = _meter.CreateHistogram<double>("training.run.duration", unit: "s", description: "Run duration");
    }

    public void Decided(string decision, string reason) =>
        _decisions.Add(1, new KeyValuePair<string, object?>("decision", decision), new KeyValuePair<string, object?>("reason", reason));

    public void Finished(string outcome, TimeSpan duration)
    {
        _runs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        _runSeconds.Record(duration.TotalSeconds);
    }

    public void Dispose() => _meter.Dispose();
}
