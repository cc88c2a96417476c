using System.Text.Json.Nodes;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.ServiceDefaults;
using Sessions.Storage;

namespace Sessions.IntegrationTests.Faults;

/// <summary>
/// The last resort behind "the services reconnect by themselves": a service whose endpoint cannot consume again while
/// RabbitMQ accepts connections exits with code 75 for its supervisor to restart it, instead of idling forever with no
/// consumer on its queue. The wedge seen after broker restarts (RabbitMQ.Client waiting on a consumer callback) comes
/// only now and then, so here the stall is made on purpose and for sure: the test takes the service's permissions on its
/// virtual host away and drops its connection, so every reconnect is refused while the broker stays up.
/// </summary>
public sealed class StalledEndpointTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-stalled-endpoint-").FullName;
    private string _vhost = "";
    private TestDatabase? _database;

    public async Task InitializeAsync()
    {
        _vhost = await TestServers.CreateRabbitVirtualHostAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
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
            await TestServers.DeleteRabbitVirtualHostAsync(_vhost);
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_service_whose_endpoint_cannot_consume_again_while_the_broker_is_up_exits_with_code_75()
    {
        using var processor = await ConsumingProcessorAsync();

        using var http = TestServers.RabbitManagement();
        (await http.DeleteAsync($"permissions/{_vhost}/guest")).EnsureSuccessStatusCode();
        await DropConnectionsAsync(http);

        var exitCode = await processor.ExitedAsync(TimeSpan.FromSeconds(120));

        Assert.True(exitCode == StalledEndpointWatchdog.ExitCode, $"exit code {exitCode}\n{processor.Output}");
        Assert.Contains("has not consumed for", processor.Output);
        Assert.Contains("session-ended", processor.Output);
    }

    [Fact]
    public async Task A_service_that_reconnects_after_its_connection_drops_keeps_running()
    {
        using var processor = await ConsumingProcessorAsync();

        using var http = TestServers.RabbitManagement();
        var dropped = await DropConnectionsAsync(http);

        // Back on the queue through a new connection, and still running at twice the watchdog's limit.
        await Eventually.Until(async () => (await ConnectionsAsync(http)).Except(dropped).Any()
            && (await TestServers.QueueAsync(_vhost, "session-ended")).Consumers > 0,
            TimeSpan.FromSeconds(60), "a consumer on session-ended through a new connection");
        await Assert.ThrowsAsync<TimeoutException>(() => processor.ExitedAsync(TimeSpan.FromSeconds(16)));

        Assert.DoesNotContain("has not consumed for", processor.Output);
    }

    /// <summary>The processor on the test's virtual host, its watchdog at 8 s, once it consumes from <c>session-ended</c>.</summary>
    private async Task<ServiceProcess> ConsumingProcessorAsync()
    {
        var environment = await FleetSetup.MigratedAsync(_database!, _vhost, _folder, withoutTraining: true);
        environment["Messaging:StalledEndpointExitAfter"] = "00:00:08";
        var processor = ServiceProcess.Start(RepositoryLayout.Output("services/Sessions.Processor", "Sessions.Processor"), environment);
        try
        {
            await Eventually.Until(async () => (await TestServers.QueueAsync(_vhost, "session-ended")).Consumers > 0 || processor.HasExited,
                TimeSpan.FromSeconds(90), "a consumer on session-ended");
            Assert.False(processor.HasExited, "the processor exited at start:\n" + processor.Output);
            return processor;
        }
        catch
        {
            processor.Dispose();
            throw;
        }
    }

    /// <summary>Closes the virtual host's connections from the broker side, as a broker shutdown does.</summary>
    private async Task<List<string>> DropConnectionsAsync(HttpClient http)
    {
        var names = new List<string>();
        await Eventually.Until(async () => (names = await ConnectionsAsync(http)).Count > 0, TimeSpan.FromSeconds(30),
            "the service's connection listed by the management API");
        foreach (var name in names)
        {
            (await http.DeleteAsync($"connections/{Uri.EscapeDataString(name)}")).EnsureSuccessStatusCode();
        }

        return names;
    }

    private async Task<List<string>> ConnectionsAsync(HttpClient http) =>
        JsonNode.Parse(await http.GetStringAsync($"vhosts/{_vhost}/connections"))!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
}
