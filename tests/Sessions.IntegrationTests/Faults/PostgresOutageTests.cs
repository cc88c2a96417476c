using System.Text.Json.Nodes;
using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL stopped mid-stream (fast mode: every connection dropped) for longer than the endpoints' retry policy
/// lasts (100 ms … 5 s, about 9 s in all), then started again: the services stay up and go on storing, the messages that
/// exhausted their retries wait in the <c>_error</c> queues, and the documented <c>sessions-admin errors requeue</c>
/// moves them back, after which every session is stored exactly once and every example validated. The server is the
/// test's own (scripts/start-postgres.sh on a free port and a private state folder); the shared PostgreSQL other tests use
/// is never touched. Messages travel over the shared RabbitMQ, on a virtual host of this test.
/// 400 sessions, not ServiceCrashTests' 600, to stay well within CI's time: the outage and the requeued messages
/// are what is tested, not throughput.
/// </summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private const int Sessions = 400;
    private static readonly string Admin = FleetSetup.Admin;
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-postgres-outage-").FullName;
    private PrivateServer? _server;
    private string _vhost = "";
    private TestDatabase? _database;
    private Dictionary<string, string?> _environment = null!;

    public async Task InitializeAsync()
    {
        _server = await PrivateServer.StartPostgresAsync();
        _vhost = await TestServers.CreateRabbitVirtualHostAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, _server.PostgresServer);
        _environment = await FleetSetup.MigratedAsync(_database, _vhost, _folder, withoutTraining: true);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await TestServers.DeleteRabbitVirtualHostAsync(_vhost);
        }
        finally
        {
            if (_server is not null)
            {
                await _server.DisposeAsync(); // the whole server goes, the test database with it
            }

            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_down_mid_stream_parks_what_exhausted_its_retries_and_requeue_completes_the_stream_exactly_once()
    {
        var stream = await GeneratedStream.CreateAsync(_folder, Sessions, seed: 97);
        using var fleet = await ServiceFleet.StartAsync(_vhost, _environment);
        var clock = Stopwatch.StartNew();

        var ingest = ServiceProcess.RunAsync(Admin, _environment, TimeSpan.FromSeconds(150), "ingest", stream.File);
        await Eventually.Until(async () => await StoredAsync() >= Sessions / 5, TimeSpan.FromSeconds(90), "a fifth of the sessions stored");

        var stoppedAt = clock.Elapsed;
        await _server!.StopAsync();
        // Down until some messages have used up every retry; the management API's counts lag by up to 5 s.
        await Eventually.Until(async () => (await TestServers.QueueAsync(_vhost, "session-ended_error")).Messages > 0,
            TimeSpan.FromSeconds(90), "messages that exhausted their retries in session-ended_error");
        await _server.StartAsync();
        var downFor = clock.Elapsed - stoppedAt;
        NpgsqlConnection.ClearAllPools(); // this test's own pooled connections died with the server

        // Recovered by themselves: the same processes store new sessions, then work off everything not parked.
        var storedAtRestart = await StoredAsync();
        await Eventually.Until(async () => await StoredAsync() > storedAtRestart, TimeSpan.FromSeconds(60), "new sessions stored after PostgreSQL came back");
        var (ingested, ingestOutput) = await ingest;
        Assert.True(ingested == 0, ingestOutput);
        await Eventually.Until(async () => await PipelineQueuesEmptyAsync(), TimeSpan.FromSeconds(180), "the pipeline queues drained");
        Assert.All(fleet.Services, s => Assert.False(s.HasExited, s.Output));

        // The documented way back: `errors` shows what waits, `errors requeue` moves it to its queue again.
        var (listed, listing) = await ServiceProcess.RunAsync(Admin, _environment, TimeSpan.FromSeconds(60), "errors", "--json");
        Assert.True(listed == 0, listing);
        var parked = JsonNode.Parse(listing)!.AsArray().ToDictionary(q => q!["queue"]!.GetValue<string>(), q => q!["messages"]!.GetValue<long>());
        Assert.True(parked["session-ended"] > 0, listing);
        foreach (var queue in PipelineDrain.Queues.Where(q => parked[q] > 0))
        {
            var (moved, output) = await ServiceProcess.RunAsync(Admin, _environment, TimeSpan.FromSeconds(60), "errors", "requeue", "--queue", queue);
            Assert.True(moved == 0, output);
            Assert.Contains($"moved {parked[queue]} message(s)", output);
        }

        await PipelineDrain.UntilSettledAsync(_vhost, _database!, Sessions, TimeSpan.FromSeconds(180), fleet);
        await PipelineDrain.AssertExactAsync(_database!, stream);
        foreach (var queue in PipelineDrain.Queues)
        {
            // Eventually: the management API's counts lag the requeue by up to 5 s.
            await Eventually.Until(async () => (await TestServers.QueueAsync(_vhost, queue + "_error")).Messages == 0,
                TimeSpan.FromSeconds(30), $"{queue}_error empty after the requeue");
        }

        Assert.All(fleet.Services, s => Assert.False(s.HasExited, s.Output));

        TestReports.Write("fault-postgres-outage",
            $"{Sessions} sessions, PostgreSQL stopped at {stoppedAt.TotalSeconds:0.0} s ({storedAtRestart} stored) for {downFor.TotalSeconds:0.0} s; services stayed up and recovered; " +
            $"{string.Join(", ", parked.Where(p => p.Value > 0).Select(p => $"{p.Value} in {p.Key}_error"))} requeued with `errors requeue`; settled with exact counts after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<int> StoredAsync()
    {
        await using var db = TestData.Open(_database!);
        return await db.Sessions.CountAsync();
    }

    private async Task<bool> PipelineQueuesEmptyAsync()
    {
        foreach (var queue in PipelineDrain.Queues)
        {
            if ((await TestServers.QueueAsync(_vhost, queue)).Messages > 0)
            {
                return false;
            }
        }

        return true;
    }
}
