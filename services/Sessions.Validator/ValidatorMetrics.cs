using System.Diagnostics.Metrics;

namespace Sessions.Validator;

/// <summary>The validator's counters (meter <c>Sessions.Validator</c>).</summary>
public sealed class ValidatorMetrics : IDisposable
{
    public const string MeterName = "Sessions.Validator";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _augmented;

    public ValidatorMetrics()
    {
        _accepted = _meter.CreateCounter<long>("examples.accepted", description: "Examples accepted by validation");
        _rejected = _meter.CreateCounter<long>("examples.rejected", description: "Examples rejected, by reason code");
        _augmented = _meter.CreateCounter<long>("examples.augmented", description: "Augmented copies that passed validation and were stored");
    }

    public void Record(int accepted, IEnumerable<string> rejectionReasons, int augmented)
    {
        _accepted.Add(accepted);
        _augmented.Add(augmented);
        foreach (var reason in rejectionReasons)
        {
            _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void Dispose() => _meter.Dispose();
}
