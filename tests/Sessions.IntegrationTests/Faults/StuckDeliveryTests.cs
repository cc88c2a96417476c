using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.ServiceDefaults;

namespace Sessions.IntegrationTests.Faults;

/// <summary>
/// The mechanism behind a service that never got its consumer back after a RabbitMQ restart: an endpoint that loses
/// its connection stops, and MassTransit's stop waited for every delivery in flight, so one delivery that never
/// finished (likely a publish waiting for a confirm from the dead connection) kept the endpoint, and its reconnect, waiting
/// forever. Here a consumer hangs on purpose, ignoring cancellation, and the bus's connection is closed from the broker
/// side (management API, shared RabbitMQ, a virtual host of this test): with the services' bounded stop
/// (<c>Messaging:StopTimeout</c>) the endpoint reconnects and consumes again, and the hung message comes back.
/// </summary>
public sealed class StuckDeliveryTests : IAsyncLifetime
{
    private readonly StuckOnce _state = new();
    private string _vhost = "";
    private IHost? _host;

    public async Task InitializeAsync() => _vhost = await TestServers.CreateRabbitVirtualHostAsync();

    public async Task DisposeAsync()
    {
        _state.Release();
        try
        {
            if (_host is not null)
            {
                await _host.StopAsync();
                _host.Dispose();
            }
        }
        finally
        {
            await TestServers.DeleteRabbitVirtualHostAsync(_vhost);
        }
    }

    [Fact]
    public async Task A_delivery_that_never_finishes_does_not_keep_the_endpoint_from_reconnecting_after_its_connection_drops()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(EventLog.RabbitSettings(_vhost))
        {
            ["Messaging:ConsumerStopTimeout"] = "00:00:01",
            ["Messaging:StopTimeout"] = "00:00:03",
        });
        builder.Services.AddSingleton(_state);
        builder.Services.AddSessionsMessaging(builder.Configuration, x => x.AddConsumer<StuckOnceConsumer>());
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        _host = builder.Build();
        await _host.StartAsync();
        var bus = _host.Services.GetRequiredService<IBus>();

        await bus.Publish(new StuckProbe(1));
        await _state.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var closed = await CloseConnectionsAsync();

        // A publish racing the dropped connection fails (AlreadyClosed) rather than waiting; the next one goes out once the bus reconnected.
        await Eventually.Until(async () =>
        {
            try
            {
                using var publishing = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await bus.Publish(new StuckProbe(2), publishing.Token);
                return true;
            }
            catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.RabbitMQClientException or OperationCanceledException or ObjectDisposedException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), $"a message published after {closed} connection(s) were closed");
        await Eventually.Until(() => Task.FromResult(_state.Completed.Contains(2)), TimeSpan.FromSeconds(60),
            "that message consumed by the reconnected endpoint");
        await Eventually.Until(() => Task.FromResult(_state.Completed.Contains(1)), TimeSpan.FromSeconds(60),
            "the hung message delivered again and consumed");
        Assert.Equal(2, _state.Deliveries(1)); // once hung on the dropped connection, once more after the reconnect
    }

    /// <summary>Closes every connection on the test's virtual host from the broker side, as a broker shutdown does.</summary>
    private async Task<int> CloseConnectionsAsync()
    {
        using var http = TestServers.RabbitManagement();
        var names = new List<string>();
        await Eventually.Until(async () =>
        {
            var listed = JsonNode.Parse(await http.GetStringAsync($"vhosts/{_vhost}/connections"))!.AsArray();
            names = listed.Select(c => c!["name"]!.GetValue<string>()).ToList();
            return names.Count > 0;
        }, TimeSpan.FromSeconds(30), "the bus's connection listed by the management API");
        foreach (var name in names)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, $"connections/{Uri.EscapeDataString(name)}");
            request.Headers.Add("X-Reason", "StuckDeliveryTests: connection dropped under a hung delivery");
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        return names.Count;
    }
}

public sealed record StuckProbe(int Number);

/// <summary>What <see cref="StuckOnceConsumer"/> saw; the first delivery of message 1 hangs until the test ends.</summary>
public sealed class StuckOnce
{
    private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> _deliveries = new();
    private int _stuck;

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public System.Collections.Concurrent.ConcurrentBag<int> Completed { get; } = [];

    public int Deliveries(int number) => _deliveries.GetValueOrDefault(number);

    public async Task ConsumeAsync(int number)
    {
        _deliveries.AddOrUpdate(number, 1, (_, n) => n + 1);
        if (number == 1 && Interlocked.Exchange(ref _stuck, 1) == 0)
        {
            Entered.TrySetResult();
            await _never.Task; // deliberately deaf to cancellation, like a publish whose confirm can no longer arrive
        }

        Completed.Add(number);
    }

    public void Release() => _never.TrySetResult();
}

public sealed class StuckOnceConsumer(StuckOnce state) : IConsumer<StuckProbe>
{
    public Task Consume(ConsumeContext<StuckProbe> context) => state.ConsumeAsync(context.Message.Number);
}
