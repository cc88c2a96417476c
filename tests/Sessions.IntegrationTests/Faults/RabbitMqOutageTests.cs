using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.EntityFrameworkCore;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.ServiceDefaults;
using Sessions.Storage;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests.Faults;

/// <summary>
/// RabbitMQ stopped and started again mid-stream while the three services run as separate processes: they
/// reconnect by themselves and the database ends with every session exactly once and every example validated. The node
/// is the test's own (scripts/start-rabbitmq.sh on free ports and a private state folder, restarted on that folder so
/// durable queues and persistent messages survive); the shared RabbitMQ other tests use is never touched. The broker
/// goes down once a fifth of the sessions is stored, with the rest queued, in flight in the services, or still being
/// published by <c>ingest</c>: MassTransit's Publish waits for the connection to come back, so <c>ingest</c> rides out
/// the outage too (it must still exit 0).
/// Most runs, the same processes reconnect. Now and then RabbitMQ.Client wedges a connection whose shutdown waits on a
/// consumer callback and an endpoint never consumes again; the services' watchdog then exits with code 75 and the fleet
/// restarts that service, as a supervisor would (<see cref="StalledEndpointTests"/> makes that stall on purpose). The
/// report says which happened. 400 sessions, not ServiceCrashTests' 600: stopping and starting a node takes half a
/// minute or more on a busy CI machine, and the test must stay well within its time.
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
        _environment["Messaging:StalledEndpointExitAfter"] = "00:00:40";
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
        using var fleet = await ServiceFleet.StartAsync(_vhost, _environment, node: _node, restartOnExitCode: StalledEndpointWatchdog.ExitCode);
        var clock = Stopwatch.StartNew();

        var ingest = ServiceProcess.RunAsync(Admin, _environment, TimeSpan.FromSeconds(150), "ingest", stream.File);
        await Eventually.Until(async () => await StoredAsync() >= Sessions / 5, TimeSpan.FromSeconds(90), "a fifth of the sessions stored");

        var stoppedAt = clock.Elapsed;
        var storedAtStop = await StoredAsync();
        await _broker!.StopAsync();
        var stopTook = clock.Elapsed - stoppedAt;
        await _broker.StartAsync();
        var downFor = clock.Elapsed - stoppedAt;

        // A consumer back on every queue: through the same processes, or a restarted one if its watchdog gave up on it.
        foreach (var queue in new[] { "session-ended", "session-processed", "examples-validated", "train-model" })
        {
            try
            {
                await Eventually.Until(async () => (await TestServers.QueueAsync(_vhost, queue, _node)).Consumers > 0 || CrashedIn(fleet),
                    TimeSpan.FromSeconds(150), $"a consumer on {queue} again after the restart");
            }
            catch (TimeoutException ex)
            {
                throw new InvalidOperationException($"{ex.Message}\nservice output (tail):\n{PipelineDrain.Tail(fleet.Output)}", ex);
            }

            Assert.False(CrashedIn(fleet), fleet.Output);
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

        Assert.False(CrashedIn(fleet), fleet.Output);
        var restarted = fleet.Restarted;

        TestReports.Write("fault-rabbitmq-restart",
            $"{Sessions} sessions, RabbitMQ stopped at {stoppedAt.TotalSeconds:0.0} s ({storedAtStop} stored) and started again {downFor.TotalSeconds:0.0} s later (stop took {stopTook.TotalSeconds:0.0} s); consumers back on every queue {reconnectedAfter.TotalSeconds:0.0} s after ({(restarted.Count == 0 ? "same processes" : "restarted by the watchdog: " + string.Join(", ", restarted))}), settled with exact counts after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Any exit but the watchdog's (which the fleet answers with a restart) is a failure.</summary>
    private static bool CrashedIn(ServiceFleet fleet) =>
        fleet.Services.Any(s => s.HasExited && s.ExitCode != StalledEndpointWatchdog.ExitCode);

    private async Task<int> StoredAsync()
    {
        await using var db = TestData.Open(_database!);
        return await db.Sessions.CountAsync();
    }
}
