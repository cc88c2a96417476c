using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sessions.Contracts;
using Sessions.ServiceDefaults;

namespace Sessions.PipelineBenchmark;

/// <summary>
/// The benchmark's own bus on the run's virtual host: publishes sessions with a bounded number in flight and
/// records, per session, when it was published and when its outcome (<see cref="ExamplesValidated"/> or
/// <see cref="SessionRejected"/>) arrived.
/// </summary>
public sealed class PipelineProbe : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConcurrentDictionary<string, long> _published = new();
    private readonly ConcurrentDictionary<string, long> _finished = new();

    private PipelineProbe(IHost host) => _host = host;

    public int Finished => _finished.Count;

    public static Dictionary<string, string?> RabbitSettings(string vhost) => new()
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:RabbitMq:Host"] = Sessions.IntegrationTests.Infrastructure.TestServers.RabbitHost,
        ["Messaging:RabbitMq:Port"] = Sessions.IntegrationTests.Infrastructure.TestServers.RabbitPort.ToString(),
        ["Messaging:RabbitMq:VirtualHost"] = vhost,
    };

    public static async Task<PipelineProbe> StartAsync(string vhost, Action<IReceiveEndpointConfigurator, PipelineProbe>? endpoint = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(RabbitSettings(vhost));
        builder.Services.AddSessionsMessaging(builder.Configuration, _ => { });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        var probe = new PipelineProbe(builder.Build());
        await probe._host.StartAsync();
        var handle = probe._host.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"benchmark-{Guid.NewGuid():N}", e =>
        {
            if (endpoint is not null)
            {
                endpoint(e, probe);
                return;
            }

            e.Handler<ExamplesValidated>(c => probe.Finish(c.Message.SessionId));
            e.Handler<SessionRejected>(c => probe.Finish(c.Message.SessionId));
        });
        await handle.Ready;
        return probe;
    }

    public Task Finish(string sessionId)
    {
        // Only sessions of this measurement: a late duplicate outcome of a warm-up session must not count.
        if (_published.ContainsKey(sessionId)) _finished.TryAdd(sessionId, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }

    /// <summary>
    /// Publishes every session, at most <paramref name="inFlight"/> publishes awaiting their broker confirm at once; with a
    /// positive <paramref name="rate"/>, session i no earlier than i / rate seconds after the first.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<SessionEnded> sessions, int inFlight, double rate = 0)
    {
        var bus = _host.Services.GetRequiredService<IBus>();
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < sessions.Count)
            {
                if (rate > 0 && TimeSpan.FromSeconds(i / rate) - clock.Elapsed is { Ticks: > 0 } early)
                {
                    await Task.Delay(early);
                }

                _published[sessions[i].SessionId!] = Stopwatch.GetTimestamp();
                await bus.Publish(sessions[i]);
            }
        }));
    }

    /// <summary>Forgets what was recorded (after a warm-up).</summary>
    public void Reset()
    {
        _published.Clear();
        _finished.Clear();
    }

    public async Task<bool> WaitAsync(int expected, TimeSpan timeout, IProgress<int> progress)
    {
        var deadline = Stopwatch.StartNew();
        while (Finished < expected && deadline.Elapsed < timeout)
        {
            progress.Report(Finished);
            await Task.Delay(250);
        }

        return Finished >= expected;
    }

    /// <summary>
    /// First publish to last outcome, each session's time from publish to outcome, and the same split into tenths of
    /// the stream by publish order (a slow start and a slow middle give the same p95; the tenths tell them apart).
    /// </summary>
    public (TimeSpan Elapsed, Latencies Latencies, IReadOnlyList<Latencies> Tenths) Measure()
    {
        var first = _published.Values.DefaultIfEmpty(0).Min();
        var last = _finished.Values.DefaultIfEmpty(first).Max();
        // Finish records only published sessions, so every outcome has its publish time.
        var inPublishOrder = _finished.Select(f => (Published: _published[f.Key], Latency: Stopwatch.GetElapsedTime(_published[f.Key], f.Value)))
            .OrderBy(f => f.Published).Select(f => f.Latency).ToList();
        int Bound(int tenth) => tenth * inPublishOrder.Count / 10;
        var tenths = Enumerable.Range(0, 10).Select(t => new Latencies(inPublishOrder.GetRange(Bound(t), Bound(t + 1) - Bound(t)))).ToList();
        return (Stopwatch.GetElapsedTime(first, last), new Latencies(inPublishOrder), tenths);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
