using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests;

/// <summary>
/// The three services as separate processes over RabbitMQ and PostgreSQL, a python backend publishing plain
/// JSON, and the admin tool sending TrainModel.
/// </summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private string _vhost = "";
    private TestDatabase _database = null!;
    private Dictionary<string, string?> _environment = null!;
    private ServiceFleet _fleet = null!;
    private EventLog _events = null!;

    private static string AdminTool => RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");

    public async Task InitializeAsync()
    {
        _vhost = await TestServers.CreateRabbitVirtualHostAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        _environment = new Dictionary<string, string?>(_database.Settings.Concat(EventLog.RabbitSettings(_vhost)))
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Trainer:PollInterval"] = "00:00:01",
            ["Trainer:ArtifactsPath"] = Path.Combine(Path.GetTempPath(), $"sessions-e2e-{_vhost}"),
        };

        // The designated migration step; the services would also migrate safely under EF Core's lock.
        var (code, output) = await ServiceProcess.RunAsync(AdminTool, _environment, StartTimeout, "migrate");
        Assert.True(code == 0, output);

        _fleet = await ServiceFleet.StartAsync(_vhost, _environment);

        _events = await EventLog.StartAsync(_vhost);
    }

    public async Task DisposeAsync()
    {
        _fleet.Dispose();

        await _events.DisposeAsync();
        await _database.DisposeAsync();
        var artifacts = _environment["Trainer:ArtifactsPath"]!;
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }
        await TestServers.DeleteRabbitVirtualHostAsync(_vhost);
    }

    [Fact]
    public async Task Sessions_from_a_python_backend_flow_through_three_processes_and_the_admin_tool_trains()
    {
        var valid = Enumerable.Range(1, 3).Select(i => Conversations.Valid($"e2e-{i}", turns: 13)).ToList();
        var invalidRole = Conversations.Valid("e2e-bad-role", turns: 13);
        invalidRole = invalidRole with { Messages = invalidRole.Messages!.Select((m, i) => i == 2 ? m with { Role = "tool" } : m).ToList() };
        var tooShort = Conversations.Valid("e2e-too-short", turns: 13) with { Metadata = null };
        tooShort = tooShort with { Messages = tooShort.Messages!.Select(m => m with { Timestamp = Conversations.Start }).ToList() };

        await PythonBackend.PublishAsync(_vhost, valid.Append(invalidRole).Append(tooShort).Select(TestData.Json));

        foreach (var session in valid)
        {
            await _events.WaitFor<SessionProcessed>(e => e.SessionId == session.SessionId);
            await _events.WaitFor<ExamplesValidated>(e => e.SessionId == session.SessionId && e.Accepted == 6);
        }

        Assert.Equal("invalid_role", (await _events.WaitFor<SessionRejected>(e => e.SessionId == "e2e-bad-role")).Reasons.Single().Code);
        Assert.Equal("too_short", (await _events.WaitFor<SessionRejected>(e => e.SessionId == "e2e-too-short")).Reasons.Single().Code);
        await _events.WaitFor<TrainingStarted>(_ => true);
        await _events.WaitFor<TrainingCompleted>(_ => true);

        int accepted;
        await using (var db = TestData.Open(_database))
        {
            Assert.Equal(3, await db.Sessions.CountAsync(s => s.Status == SessionStatus.Accepted));
            Assert.Equal(2, await db.Sessions.CountAsync(s => s.Status == SessionStatus.Rejected));
            Assert.Equal(18, await db.Examples.CountAsync(e => e.Status == ExampleStatus.Accepted && e.Variant == 0));
            accepted = await db.Examples.CountAsync(e => e.Status == ExampleStatus.Accepted);
            Assert.True(accepted == 18, "the per-session path stores no augmented copies");
            Assert.Equal(36, await db.Embeddings.CountAsync());
            await Eventually.Until(
                () => db.TrainingRuns.AllAsync(r => r.Status == TrainingRunStatus.Completed),
                TimeSpan.FromSeconds(60), "every training run to complete");
            Assert.Equal(accepted, await db.TrainingRuns.MaxAsync(r => r.ExampleCount));
            // Augmentation is a step of the run: the validator/augmentor answered with copies stored for that run.
            var runIds = await db.TrainingRuns.Select(r => r.Id).ToListAsync();
            Assert.True(await db.AugmentedCopies.AnyAsync(c => runIds.Contains(c.RunId)), "the run's augmentation step stored its copies");
        }

        var refused = await ServiceProcess.RunAsync(AdminTool, _environment, StartTimeout, "train", "--model", "default", "--requested-by", "e2e");
        Assert.True(refused.ExitCode == 3, refused.Output);
        Assert.Contains("not_enough_new_examples", refused.Output);

        var forced = await ServiceProcess.RunAsync(AdminTool, _environment, StartTimeout, "train", "--model", "default", "--force", "--requested-by", "e2e");
        Assert.True(forced.ExitCode == 0, forced.Output);
        var runId = Guid.Parse(forced.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]);
        var completed = await _events.WaitFor<TrainingCompleted>(e => e.RunId == runId);
        Assert.Equal(accepted, completed.Metrics["examples"]);
        Assert.All(_fleet.Services, s => Assert.False(s.HasExited, s.Output));
    }

    [Fact]
    public async Task Each_service_reports_healthy_with_its_database_and_bus_checks()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var service in _fleet.Services)
        {
            await Eventually.Until(() => service.ListeningAddress is not null, StartTimeout, "the service's HTTP address");
            var health = await http.GetAsync(new Uri(service.ListeningAddress!, "/health"));
            Assert.True(health.IsSuccessStatusCode, await health.Content.ReadAsStringAsync() + service.Output);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
            Assert.Equal("Healthy", await http.GetStringAsync(new Uri(service.ListeningAddress!, "/alive")));
        }
    }
}
