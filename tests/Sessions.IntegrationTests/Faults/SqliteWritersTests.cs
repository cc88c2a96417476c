using Stopwatch = System.Diagnostics.Stopwatch;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests.Faults;

/// <summary>
/// Five processes writing one SQLite file at once (two processors, two validators, the trainer) over RabbitMQ: WAL and
/// the busy timeout make writers wait for each other, so no "database is locked" escapes and nothing is lost.
/// </summary>
public sealed class SqliteWritersTests : IAsyncLifetime
{
    private const int Sessions = 300;
    private static readonly string Admin = FleetSetup.Admin;
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-sqlite-writers-").FullName;
    private string _vhost = "";
    private TestDatabase _database = null!;
    private Dictionary<string, string?> _environment = null!;

    public async Task InitializeAsync()
    {
        _vhost = await TestServers.CreateRabbitVirtualHostAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _environment = await FleetSetup.MigratedAsync(_database, _vhost, _folder, withoutTraining: false);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await TestServers.DeleteRabbitVirtualHostAsync(_vhost);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Several_processes_writing_one_SQLite_file_lose_nothing_and_never_fail_with_a_lock()
    {
        var stream = await GeneratedStream.CreateAsync(_folder, Sessions, seed: 91);
        using var fleet = await ServiceFleet.StartAsync(_vhost, _environment);
        using var secondProcessor = ServiceProcess.Start(RepositoryLayout.Output("services/Sessions.Processor", "Sessions.Processor"), _environment);
        using var secondValidator = ServiceProcess.Start(RepositoryLayout.Output("services/Sessions.Validator", "Sessions.Validator"), _environment);
        await Eventually.Until(async () => (await TestServers.QueueAsync(_vhost, "session-ended")).Consumers >= 2
            && (await TestServers.QueueAsync(_vhost, "session-processed")).Consumers >= 2, TimeSpan.FromSeconds(90), "two processors and two validators");
        var clock = Stopwatch.StartNew();

        var (ingested, ingestOutput) = await ServiceProcess.RunAsync(Admin, _environment, TimeSpan.FromSeconds(120), "ingest", stream.File);
        Assert.True(ingested == 0, ingestOutput);
        await PipelineDrain.UntilSettledAsync(_vhost, _database, Sessions, TimeSpan.FromSeconds(240), fleet);
        var elapsed = clock.Elapsed;

        await PipelineDrain.AssertExactAsync(_database, stream);
        var output = string.Join("\n", fleet.Output, secondProcessor.Output, secondValidator.Output);
        Assert.DoesNotContain("database is locked", output, StringComparison.OrdinalIgnoreCase);
        foreach (var queue in PipelineDrain.Queues)
        {
            Assert.Equal(0, (await TestServers.QueueAsync(_vhost, queue + "_error")).Messages);
        }

        Assert.All(fleet.Services.Append(secondProcessor).Append(secondValidator), s => Assert.False(s.HasExited, s.Output));
        TestReports.Write("sqlite-writers",
            $"SQLite, 5 writing processes (2 processors, 2 validators, trainer): {Sessions} sessions settled with exact counts in {elapsed.TotalSeconds:0.0} s ({Sessions / elapsed.TotalSeconds:0.0} sessions/s), no lock errors");
    }
}
