using Sessions.IntegrationTests.Infrastructure;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests.Security;

/// <summary>The main job (the embedded host, README command 1) as its own process on a hostile file of sessions.</summary>
public sealed class MainJobTests : IDisposable
{
    private static string Host => RepositoryLayout.Output("aspire-host", "Sessions.AspireHost");
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-h18-job-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Dictionary<string, string?> Settings => new()
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "sessions.db")}",
        ["Trainer:ArtifactsPath"] = Path.Combine(_folder, "artifacts"),
    };

    [Fact]
    public async Task Duplicates_invalid_ids_and_markup_names_are_each_counted_and_the_job_ends()
    {
        var first = Conversations.Valid("job-1", turns: 13);
        var second = Conversations.Valid("job-2", turns: 13);
        string[] lines =
        [
            TestData.Json(first),
            TestData.Json(second),
            TestData.Json(first with { UserId = "someone-else" }), // same id, different content
            TestData.Json(second), // identical repeat
            TestData.Json(Conversations.Valid("has space", turns: 13)),
            TestData.Json(Conversations.Valid("markup-model", turns: 13) with { ModelName = "support[bot]" }),
            TestData.Json(Conversations.Valid("escape", turns: 13) with { ModelName = "../../escape" }),
            "{not json",
        ];
        var file = Path.Combine(_folder, "hostile.jsonl");
        await File.WriteAllLinesAsync(file, lines);

        var (code, output) = await ServiceProcess.RunAsync(Host, Settings, TimeSpan.FromMinutes(3), "--file", file);

        Assert.True(code == 0, output);
        Assert.Contains("duplicate_session_id", output);
        Assert.Contains("identical repeats", output);
        Assert.Contains("missing or invalid session id", output);
        Assert.Contains("invalid_model_name", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.False(Directory.Exists(Path.GetFullPath(Path.Combine(_folder, "artifacts", "../../escape-v1"))));
        Assert.Equal(["default"], Directory.GetDirectories(Path.Combine(_folder, "artifacts")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_required_source_that_is_down_fails_the_job_quickly_instead_of_waiting_five_minutes()
    {
        var settings = Settings;
        settings["Processor:Enrichment:Sources:0:Name"] = "crm";
        settings["Processor:Enrichment:Sources:0:Url"] = "http://127.0.0.1:1/profile";
        settings["Processor:Enrichment:Sources:0:Required"] = "true";
        var file = Path.Combine(_folder, "two.jsonl");
        await File.WriteAllLinesAsync(file, [TestData.Json(Conversations.Valid("down-1", turns: 13)), TestData.Json(Conversations.Valid("down-2", turns: 13))]);

        var (code, output) = await ServiceProcess.RunAsync(Host, settings, TimeSpan.FromSeconds(120), "--file", file);

        Assert.True(code == 1, output);
        Assert.Contains("failed", output);
        Assert.DoesNotContain("timed out", output);
    }

    [Fact]
    public async Task SIGTERM_ends_the_job_with_an_exit_code_and_no_unhandled_exception()
    {
        var file = Path.Combine(_folder, "many.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, 200).Select(i => TestData.Json(Conversations.Valid($"many-{i}", turns: 13))));
        using var job = ServiceProcess.Start(Host, Settings, "--file", file);
        await Eventually.Until(() => File.Exists(Path.Combine(_folder, "sessions.db")), TimeSpan.FromSeconds(60), "the job to start");

        ProcessSignals.Send(job.ProcessId, ProcessSignals.Terminate);

        var code = await job.ExitedAsync(TimeSpan.FromSeconds(60));
        Assert.True(code != 0, job.Output);
        Assert.DoesNotContain("Unhandled exception", job.Output);
        Assert.DoesNotContain("TaskCanceledException", job.Output);
    }
}
