using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sessions.Processor;

/// <summary>The processor's counters and histograms (meter <c>Sessions.Processor</c>, exported over OTLP when configured).</summary>
public sealed class ProcessorMetrics : IDisposable
{
    public const string MeterName = "Sessions.Processor";
    public static readonly ActivitySource ActivitySource = new(MeterName);

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _received;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _embeddingSeconds;

    public ProcessorMetrics()
    {
        _received = _meter.CreateCounter<long>("sessions.received", description: "SessionEnded messages consumed");
        _accepted = _meter.CreateCounter<long>("sessions.accepted", description: "Sessions that met the requirements");
        _rejected = _meter.CreateCounter<long>("sessions.rejected", description: "Sessions rejected, by reason code");
        _embeddingSeconds = _meter.CreateHistogram<double>("embedding.duration", unit: "s", description: "Time to embed one session's messages");
    }

    public void Received() => _received.Add(1);

    public void Accepted() => _accepted.Add(1);

    public void Rejected(IEnumerable<string> reasons)
    {
        foreach (var reason in reasons)
        {
            _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void Embedded(TimeSpan elapsed) => _embeddingSeconds.Record(elapsed.TotalSeconds);

    public void Dispose() => _meter.Dispose();
}
