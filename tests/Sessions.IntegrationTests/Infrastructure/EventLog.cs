using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.Contracts;
using Sessions.ServiceDefaults;

namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>A test-side bus on a RabbitMQ virtual host that records every pipeline event published there.</summary>
public sealed class EventLog : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ConcurrentQueue<object> _events = new();

    private EventLog(IHost host) => _host = host;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    /// <summary>The messaging settings of a service or tool on <paramref name="vhost"/> of the shared RabbitMQ, or of <paramref name="node"/>.</summary>
    public static Dictionary<string, string?> RabbitSettings(string vhost, RabbitNode? node = null) => new()
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:RabbitMq:Host"] = (node ?? TestServers.Rabbit).Host,
        ["Messaging:RabbitMq:Port"] = (node ?? TestServers.Rabbit).Port.ToString(),
        ["Messaging:RabbitMq:VirtualHost"] = vhost,
    };

    public static async Task<EventLog> StartAsync(string vhost)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(RabbitSettings(vhost));
        builder.Services.AddSessionsMessaging(builder.Configuration, _ => { });
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        var log = new EventLog(builder.Build());
        await log._host.StartAsync();

        var handle = log.Bus.ConnectReceiveEndpoint($"test-events-{Guid.NewGuid():N}", e =>
        {
            log.Record<SessionProcessed>(e);
            log.Record<SessionRejected>(e);
            log.Record<ExamplesValidated>(e);
            log.Record<TrainingQueued>(e);
            log.Record<TrainingSkipped>(e);
            log.Record<TrainingStarted>(e);
            log.Record<TrainingCompleted>(e);
            log.Record<TrainingFailed>(e);
        });
        await handle.Ready;
        return log;
    }

    public IReadOnlyList<T> Of<T>() => _events.OfType<T>().ToList();

    public async Task<T> WaitFor<T>(Func<T, bool> filter, int seconds = 60)
    {
        T? found = default;
        await Eventually.Until(() =>
        {
            found = _events.OfType<T>().FirstOrDefault(filter);
            return found is not null;
        }, TimeSpan.FromSeconds(seconds), $"a {typeof(T).Name} event");
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private void Record<T>(IReceiveEndpointConfigurator endpoint) where T : class =>
        endpoint.Handler<T>(context =>
        {
            _events.Enqueue(context.Message);
            return Task.CompletedTask;
        });
}
