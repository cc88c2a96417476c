using System.Diagnostics.Metrics;
using MassTransit;

namespace Sessions.ServiceDefaults;

/// <summary>
/// Queue lag: how long a message waited between being sent and a consumer starting on it, per message type, for
/// every consumer of every service. Only where the sender stamped a sent time (MassTransit's envelope does; a raw
/// JSON message from a chat backend carries none and is not counted).
/// </summary>
public sealed class QueueLagObserver : IConsumeObserver
{
    public const string MeterName = "Sessions.Messaging";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>(
        "sessions.messaging.queue_lag", unit: "s", description: "Time from a message being sent to its consumer starting");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.SentTime is { } sent)
        {
            // Clocks of two machines may disagree by a little; a negative wait is recorded as none.
            Lag.Record(Math.Max(0, (DateTime.UtcNow - sent).TotalSeconds), new KeyValuePair<string, object?>("message_type", typeof(T).Name));
        }

        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
