using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Text.Names;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests.Security;

public sealed class HostileInputTests_on_Sqlite() : HostileInputTests(DatabaseProvider.Sqlite);

public sealed class HostileInputTests_on_Postgres() : HostileInputTests(DatabaseProvider.Postgres);

/// <summary>
/// Names and ids as a careful attacker would send them, through the real consumers over a real database: every one
/// ends in a reason code, nothing is written outside the artifacts root, and nothing already stored changes.
/// </summary>
public abstract class HostileInputTests(string provider) : IAsyncLifetime
{
    private readonly string _outside = Path.Combine(Path.GetTempPath(), $"h18-outside-{Guid.NewGuid():N}");
    private TestDatabase _database = null!;
    private PipelineHarness _pipeline = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _pipeline = await PipelineHarness.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _database.DisposeAsync();
    }

    private ITestHarness Harness => _pipeline.Harness;

    private string[] HostileModelNames =>
    [
        _outside, "../../h18-escape", "..", ".", "C:\\x", "..\\x", "support[bot]", "[red]boom[/]", "nul\0name", new string('m', 5000), "a/b", "_invalid",
    ];

    [Fact]
    public async Task Hostile_model_names_are_rejected_and_never_become_paths_or_runs()
    {
        await Harness.Bus.Publish(Conversations.Valid("keep-1", turns: 13));
        await Harness.WaitForPublished<TrainingCompleted>(seconds: 60);
        await using (var db = await _pipeline.DbAsync())
        {
            var before = await StoredDataDigest.OfAsync(db, ["keep-1"]);
            var names = HostileModelNames;
            for (var i = 0; i < names.Length; i++)
            {
                await Harness.Bus.Publish(Conversations.Valid($"hostile-model-{i}", turns: 13) with { ModelName = names[i] });
                await Harness.Bus.Publish(new TrainModel(names[i], TrainingType.All, Force: true, RequestedBy: "attacker"));
            }

            for (var i = 0; i < names.Length; i++)
            {
                var id = $"hostile-model-{i}";
                var rejected = await Harness.WaitForPublished<SessionRejected>(m => m.SessionId == id, seconds: 60);
                Assert.Contains(rejected.Reasons, r => r.Code == "invalid_model_name");
            }

            await Eventually.Until(() => Harness.Published.Select<TrainingSkipped>().Count(m => m.Context.Message.Reason == "invalid_model_name") == names.Length,
                TimeSpan.FromSeconds(30), "every hostile TrainModel skipped as invalid_model_name");
            Assert.Equal(before, await StoredDataDigest.OfAsync(db, ["keep-1"]));
            Assert.Equal(1, await db.TrainingRuns.CountAsync());
            Assert.All(await db.Sessions.Where(s => s.SessionId.StartsWith("hostile-model-")).ToListAsync(),
                s => Assert.Equal((SessionStatus.Rejected, ModelNames.InvalidPlaceholder), (s.Status, s.ModelName)));
            Assert.Equal(0, await db.TrainingDecisions.CountAsync(d => d.ModelName != "default"));
        }

        Assert.False(Directory.Exists(_outside) || Directory.Exists(_outside + "-v1"));
        Assert.False(Directory.Exists(Path.GetFullPath(Path.Combine(_pipeline.ArtifactsPath, "../../h18-escape-v1"))));
        Assert.Equal(["default"], Directory.GetDirectories(_pipeline.ArtifactsPath).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Hostile_session_ids_are_rejected_without_a_row_and_keep_what_is_stored()
    {
        await Harness.Bus.Publish(Conversations.Valid("keep-2", turns: 13));
        await Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "keep-2", seconds: 60);
        await using var db = await _pipeline.DbAsync();
        var before = await StoredDataDigest.OfAsync(db, ["keep-2"]);
        string[] ids = ["has space", "nul\0id", "[red]x[/]", "..\\x", "C:\\x", "../../etc/passwd", new string('s', 300), "keep-2\0", "quote\"d", "<script>"];

        foreach (var id in ids)
        {
            await Harness.Bus.Publish(Conversations.Valid("placeholder", turns: 13) with { SessionId = id });
        }

        foreach (var id in ids)
        {
            var rejected = await Harness.WaitForPublished<SessionRejected>(m => m.SessionId == id, seconds: 60);
            Assert.Equal(["invalid_session_id"], rejected.Reasons.Select(r => r.Code).Where(c => c.Contains("session_id")));
        }

        Assert.Equal(1, await db.Sessions.CountAsync());
        Assert.Equal(before, await StoredDataDigest.OfAsync(db, ["keep-2"]));
    }

    [Fact]
    public async Task A_user_id_that_is_an_email_is_not_stored_and_year_one_timestamps_are_refused()
    {
        await Harness.Bus.Publish(Conversations.Valid("pii-user", turns: 13) with { UserId = "victim@example.com" });
        var old = Conversations.Valid("year-one", turns: 13);
        await Harness.Bus.Publish(old with
        {
            Messages = old.Messages!.Select(m => m with { Timestamp = m.Timestamp.AddYears(-2025) }).ToList(),
            Metadata = null,
        });

        await Harness.WaitForPublished<SessionProcessed>(m => m.SessionId == "pii-user", seconds: 60);
        var rejected = await Harness.WaitForPublished<SessionRejected>(m => m.SessionId == "year-one", seconds: 60);
        Assert.Contains(rejected.Reasons, r => r.Code == "timestamp_out_of_range");
        await using var db = await _pipeline.DbAsync();
        Assert.Equal(UserIdProtector.Redacted, (await db.Sessions.SingleAsync(s => s.SessionId == "pii-user")).UserId);
        Assert.Equal(0, await db.Sessions.CountAsync(s => s.UserId.Contains("victim")));
    }
}
