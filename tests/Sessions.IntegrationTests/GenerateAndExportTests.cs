using MassTransit;
using System.Text.Json;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Trainer.FineTuning;

namespace Sessions.IntegrationTests;

/// <summary><c>sessions-admin generate</c> feeding the pipeline, and <c>export</c> reading what it stored (the tool as its own process, real SQLite).</summary>
public sealed class GenerateAndExportTests : IAsyncLifetime
{
    private static string AdminTool => RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-generate-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Generated_sessions_get_the_verdicts_they_announce_and_export_writes_the_accepted_examples()
    {
        var file = Path.Combine(_folder, "generated.jsonl");
        var (code, output) = await ServiceProcess.RunAsync(AdminTool, new Dictionary<string, string?>(), TimeSpan.FromSeconds(60),
            "generate", "--sessions", "30", "--invalid-fraction", "0.3", "--languages", "en,de", "--seed", "5", "--output", file);
        Assert.Equal(0, code);
        Assert.Contains("wrote 30 sessions", output);

        var sessions = (await File.ReadAllLinesAsync(file))
            .Select(l => JsonSerializer.Deserialize<SessionEnded>(l, new JsonSerializerOptions(JsonSerializerDefaults.Web))!).ToList();
        var accepted = sessions.Where(s => s.Metadata!.Properties!["expected"] == "accepted").Select(s => s.SessionId).ToHashSet();

        await using (var pipeline = await PipelineHarness.StartAsync(_database))
        {
            foreach (var session in sessions)
            {
                await pipeline.Harness.Bus.Publish(session);
            }

            await Eventually.Until(() => pipeline.Harness.Published.Select<ExamplesValidated>().Count() == accepted.Count
                && pipeline.Harness.Published.Select<SessionRejected>().Count() == sessions.Count - accepted.Count, TimeSpan.FromSeconds(60), "a verdict for every session");
            Assert.Equal(accepted, pipeline.Harness.Published.Select<ExamplesValidated>().Select(m => m.Context.Message.SessionId).ToHashSet());
            foreach (var rejected in pipeline.Harness.Published.Select<SessionRejected>().Select(m => m.Context.Message))
            {
                var expected = sessions.Single(s => s.SessionId == rejected.SessionId).Metadata!.Properties!["expected"];
                Assert.Contains(expected, rejected.Reasons.Select(r => r.Code));
            }
        }

        var export = Path.Combine(_folder, "export.jsonl");
        (code, output) = await ServiceProcess.RunAsync(AdminTool, _database.Settings, TimeSpan.FromSeconds(60), "export", "--model", "default", "--output", export);

        Assert.Equal(0, code);
        var lines = await File.ReadAllLinesAsync(export);
        Assert.Contains($"wrote {lines.Length} accepted examples of default", output);
        Assert.Equal(9 * accepted.Count, lines.Length); // 20 messages: a system message, then 10 user and 9 assistant turns
        Assert.All(lines, l => Assert.Empty(FineTuningFormat.Problems(l)));
    }

    [Fact]
    public async Task Generate_names_an_impossible_option_and_export_an_unknown_status()
    {
        var (code, output) = await ServiceProcess.RunAsync(AdminTool, new Dictionary<string, string?>(), TimeSpan.FromSeconds(60), "generate", "--messages", "5");
        Assert.Equal(1, code);
        Assert.Contains("--messages must be within 10..1000", output);

        (code, output) = await ServiceProcess.RunAsync(AdminTool, _database.Settings, TimeSpan.FromSeconds(60),
            "export", "--status", "pending-ish", "--output", Path.Combine(_folder, "x.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains("--status must be accepted, rejected or all", output);
    }
}
