using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.EntityFrameworkCore;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests.Faults;

/// <summary>
/// RabbitMQ stopped and started again mid-stream while the three services run as separate processes: they
/// reconnect by themselves (same processes, consumers back on every queue), and the database ends with every session
/// exactly once and every example validated. The node is the test's own (scripts/start-rabbitmq.sh on free ports and a
/// private state folder, restarted on that folder so durable queues and persistent messages survive); the shared
/// RabbitMQ other tests use is never touched. The broker goes down once a fifth of the sessions is stored, with the
/// rest queued, in flight in the services, or still being published by <c>ingest</c>: MassTransit's Publish waits for
/// the connection to come back, so <c>ingest</c> rides out the outage too (it must still exit 0).
/// This once failed every few runs: a service with deliveries in flight when the broker went away never put a consumer
/// back on its queue, because MassTransit's endpoint stop waited without bound for a delivery that never finished;
/// the services now bound it (<c>Messaging:StopTimeout</c>, see <see cref="StuckDeliveryTests"/> for the mechanism).
/// 400 sessions, not ServiceCrashTests' 600: stopping and starting a node takes half a minute or more on a busy CI
/// machine, and the test must stay well within its time.
/// </summary>
public sealed class RabbitMqOutageTests : IAsyncLifetime
{
    private const int Sessions = 400;
    private static readonly string Admin = FleetSetup.Admin;
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-rabbitmq-outage-").FullName;
    private PrivateServer? _broker;
    private RabbitNode _node = null!;
    private string _vhost = "";
    private TestDatabase? _database;
    private Dictionary<string, string?> _environment = null!;

    public async Task InitializeAsync()
    {
        _broker = await PrivateServer.StartRabbitMqAsync();
        _node = _broker.RabbitNode;
        _vhost = await TestServers.CreateRabbitVirtualHostAsync(_node);
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _environment = await FleetSetup.MigratedAsync(_database, _vhost, _folder, withoutTraining: true, _node);
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
        finally
        {
            if (_broker is not null)
            {
                await _broker.DisposeAsync();
            }

            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task RabbitMq_restarted_mid_stream_the_services_reconnect_and_lose_and_duplicate_nothing()
    {
        var stream = await GeneratedStream.CreateAsync(_folder, Sessions, seed: 91);
        using var fleet = await ServiceFleet.StartAsync(_vhost, _environment, node: _node);
        var clock = Stopwatch.StartNew();

        var ingest = ServiceProcess.RunAsync(Admin, _environment, TimeSpan.FromSeconds(150), "ingest", stream.File);
        await Eventually.Until(async () => await StoredAsync() >= Sessions / 5, TimeSpan.FromSeconds(90), "a fifth of the sessions stored");

        var stoppedAt = clock.Elapsed;
        var storedAtStop = await StoredAsync();
        await _broker!.StopAsync();
        var stopTook = clock.Elapsed - stoppedAt;
        await _broker.StartAsync();
        var downFor = clock.Elapsed - stoppedAt;

        // The same processes, nothing restarted them: MassTransit reconnected and put a consumer back on every queue.
        foreach (var queue in new[] { "session-ended", "session-processed", "examples-validated", "train-model" })
        {
            try
            {
                await Eventually.Until(async () => (await TestServers.QueueAsync(_vhost, queue, _node)).Consumers > 0 || fleet.Services.Any(s => s.HasExited),
                    TimeSpan.FromSeconds(90), $"a consumer on {queue} again after the restart");
            }
            catch (TimeoutException ex)
            {
                throw new InvalidOperationException($"{ex.Message}\nservice output (tail):\n{PipelineDrain.Tail(fleet.Output)}", ex);
            }

            Assert.All(fleet.Services, s => Assert.False(s.HasExited, s.Output));
        }

        var reconnectedAfter = clock.Elapsed - stoppedAt - downFor;
        var (ingested, ingestOutput) = await ingest;
        Assert.True(ingested == 0, ingestOutput);
        await PipelineDrain.UntilSettledAsync(_vhost, _database!, Sessions, TimeSpan.FromSeconds(240), fleet, _node);
        await PipelineDrain.AssertExactAsync(_database!, stream);
        foreach (var queue in PipelineDrain.Queues)
        {
            Assert.Equal(0, (await TestServers.QueueAsync(_vhost, queue + "_error", _node)).Messages);
        }

        Assert.All(fleet.Services, s => Assert.False(s.HasExited, s.Output));

        TestReports.Write("fault-rabbitmq-restart",
            $"{Sessions} sessions, RabbitMQ stopped at {stoppedAt.TotalSeconds:0.0} s ({storedAtStop} stored) and started again {downFor.TotalSeconds:0.0} s later (stop took {stopTook.TotalSeconds:0.0} s); services reconnected by themselves {reconnectedAfter.TotalSeconds:0.0} s after, settled with exact counts after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<int> StoredAsync()
    {
        await using var db = TestData.Open(_database!);
        return await db.Sessions.CountAsync();
    }
}
