using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.EntityFrameworkCore;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests.Faults;

/// <summary>
/// Each service killed with SIGKILL while generated sessions are in flight over RabbitMQ and PostgreSQL, then
/// restarted: the database ends with every session exactly once and every example validated. 600 sessions, not
/// the 2,000 the issue asks for: at today's ~13 sessions/s (docs/benchmarks.md) 2,000 take 2.5–3 minutes per
/// service, too close to CI's patience; raise it with the throughput.
/// </summary>
public sealed class ServiceCrashTests : IAsyncLifetime
{
    private const int Sessions = 600;
    private static readonly string Admin = FleetSetup.Admin;
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-crash-").FullName;
    private string _vhost = "";
    private TestDatabase _database = null!;
    private Dictionary<string, string?> _environment = null!;

    public async Task InitializeAsync()
    {
        _vhost = await TestServers.CreateRabbitVirtualHostAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _environment = await FleetSetup.MigratedAsync(_database, _vhost, _folder, withoutTraining: true);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await TestServers.DeleteRabbitVirtualHostAsync(_vhost);
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("Processor")]
    [InlineData("Validator")]
    [InlineData("Trainer")]
    public async Task A_service_killed_mid_stream_and_restarted_loses_and_duplicates_nothing(string victim)
    {
        var stream = await GeneratedStream.CreateAsync(_folder, Sessions, seed: Array.IndexOf(ServiceFleet.Names, victim) + 81);
        using var fleet = await ServiceFleet.StartAsync(_vhost, _environment);
        var clock = Stopwatch.StartNew();

        var ingest = ServiceProcess.RunAsync(Admin, _environment, TimeSpan.FromSeconds(150), "ingest", stream.File);
        await Eventually.Until(async () => await StoredAsync() >= Sessions / 5, TimeSpan.FromSeconds(90), "a fifth of the sessions stored");
        fleet.KillAndRestart(victim);
        var killedAt = clock.Elapsed;

        var (ingested, ingestOutput) = await ingest;
        Assert.True(ingested == 0, ingestOutput);
        await PipelineDrain.UntilSettledAsync(_vhost, _database, Sessions, TimeSpan.FromSeconds(240), fleet);
        await PipelineDrain.AssertExactAsync(_database, stream);
        Assert.All(fleet.Services, s => Assert.False(s.HasExited, s.Output));

        TestReports.Write($"fault-kill-{victim.ToLowerInvariant()}",
            $"{Sessions} sessions, {victim} killed (SIGKILL) at {killedAt.TotalSeconds:0.0} s and restarted; settled with exact counts after {clock.Elapsed.TotalSeconds:0.0} s ({Sessions / clock.Elapsed.TotalSeconds:0} sessions/s overall)");
    }

    private async Task<int> StoredAsync()
    {
        await using var db = TestData.Open(_database);
        return await db.Sessions.CountAsync();
    }
}
