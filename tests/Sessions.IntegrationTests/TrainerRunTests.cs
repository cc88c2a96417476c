using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Trainer.FineTuning;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests;

/// <summary>What a training run writes, and how it fails, over the harness and real SQLite.</summary>
public sealed class TrainerRunTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_run_exports_fine_tuning_files_that_pass_the_format_checks_split_by_session()
    {
        await using var pipeline = await PipelineHarness.StartAsync(_database);
        for (var i = 0; i < 6; i++)
        {
            await pipeline.Harness.Bus.Publish(Conversations.Valid($"export-{i}", turns: 13));
        }

        await Eventually.Until(() => pipeline.Harness.Published.Select<ExamplesValidated>().Count() == 6, TimeSpan.FromSeconds(60), "six validated sessions");
        var client = pipeline.Harness.GetRequestClient<TrainModel>();
        await WaitForIdleTrainerAsync(pipeline);
        var response = await client.GetResponse<TrainingQueued, TrainingSkipped>(new TrainModel("default", "finetuning", true, "test"));
        Assert.True(response.Is(out Response<TrainingQueued>? queued));
        var completed = await pipeline.Harness.WaitForPublished<TrainingCompleted>(c => c.RunId == queued!.Message.RunId);

        var folder = completed.ArtifactLocation!;
        var train = await File.ReadAllLinesAsync(Path.Combine(folder, "train.jsonl"));
        var validation = await File.ReadAllLinesAsync(Path.Combine(folder, "validation.jsonl"));
        Assert.Equal(36, train.Length + validation.Length);
        Assert.All(train.Concat(validation), line => Assert.Empty(FineTuningFormat.Problems(line)));
        var trainSessions = train.Select(SessionOf).ToHashSet();
        Assert.DoesNotContain(validation.Select(SessionOf), trainSessions.Contains);

        var card = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "dataset_card.json")))!;
        Assert.Equal(train.Length, card["trainExamples"]!.GetValue<int>());
        Assert.Equal(validation.Length, card["validationExamples"]!.GetValue<int>());
        Assert.Equal(6, card["sessions"]!.GetValue<int>());
        Assert.True(card["tokens"]!["max"]!.GetValue<int>() <= 512);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(100_000)]
    public async Task Absurd_epoch_counts_are_refused_with_a_reason(int epochs)
    {
        await using var pipeline = await PipelineHarness.StartAsync(_database);
        await pipeline.Harness.Bus.Publish(Conversations.Valid("epochs", turns: 13));
        await pipeline.Harness.WaitForPublished<ExamplesValidated>();

        var response = await pipeline.Harness.GetRequestClient<TrainModel>()
            .GetResponse<TrainingQueued, TrainingSkipped>(new TrainModel("default", "all", true, "test", epochs));

        Assert.True(response.Is(out Response<TrainingSkipped>? skipped));
        Assert.Equal("invalid_epochs", skipped!.Message.Reason);
    }

    [Fact]
    public async Task An_artifact_folder_that_cannot_be_written_fails_the_run_with_the_reason_and_the_trainer_goes_on()
    {
        var blocker = Path.Combine(Path.GetTempPath(), $"sessions-not-a-folder-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(blocker, "a file where the artifact folder should be");
        try
        {
            await using var pipeline = await PipelineHarness.StartAsync(_database, new Dictionary<string, string?> { ["Trainer:ArtifactsPath"] = blocker });
            await pipeline.Harness.Bus.Publish(Conversations.Valid("unwritable", turns: 13));

            var failed = await pipeline.Harness.WaitForPublished<TrainingFailed>();
            Assert.Contains(blocker, failed.Error);
            await using var db = await pipeline.DbAsync();
            var run = await db.TrainingRuns.SingleAsync();
            Assert.Equal((TrainingRunStatus.Failed, failed.Error), (run.Status, run.Error));

            // The trainer still answers, and a failed run did not use up the data: the threshold is still met.
            var response = await pipeline.Harness.GetRequestClient<TrainModel>()
                .GetResponse<TrainingQueued, TrainingSkipped>(new TrainModel("default", "embedding", false, "test"));
            Assert.True(response.Is(out Response<TrainingQueued>? _));
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task A_run_left_running_by_a_crashed_trainer_is_marked_failed_at_start_up()
    {
        await using (var seed = TestData.Open(_database))
        {
            await seed.Database.MigrateAsync();
            seed.TrainingRuns.Add(new TrainingRunRecord
            {
                Id = Guid.NewGuid(), ModelName = "default", Type = "all", Trigger = "auto", RequestedBy = "pipeline",
                Status = TrainingRunStatus.Running, CreatedAt = DateTime.UtcNow.AddHours(-1), StartedAt = DateTime.UtcNow.AddHours(-1),
                LeaseExpiresAt = DateTime.UtcNow.AddMinutes(-50),
            });
            await seed.SaveChangesAsync();
        }

        await using var pipeline = await PipelineHarness.StartAsync(_database);

        var failed = await pipeline.Harness.WaitForPublished<TrainingFailed>();
        Assert.Contains("abandoned", failed.Error);
        await using var db = await pipeline.DbAsync();
        Assert.Equal(TrainingRunStatus.Failed, (await db.TrainingRuns.SingleAsync()).Status);
    }

    public static TheoryData<string, string, string?> Commands() => new()
    {
        { "echo \"training on $0\"; wc -l < \"$0\"", "00:01:00", null },
        { "echo 'bad data in line 7' >&2; exit 3", "00:01:00", "exited with code 3: bad data in line 7" },
        { "sleep 30", "00:00:01", "did not finish within 00:00:01" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_command_backend_runs_the_trainer_and_records_its_exit_code_or_why_it_failed(string script, string timeout, string? error)
    {
        await using var pipeline = await PipelineHarness.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Trainer:FineTuningBackend"] = "command",
            ["Trainer:Command:FileName"] = "/bin/sh",
            ["Trainer:Command:Arguments:0"] = "-c",
            ["Trainer:Command:Arguments:1"] = script,
            ["Trainer:Command:Arguments:2"] = "{train}",
            ["Trainer:Command:Timeout"] = timeout,
        });
        await pipeline.Harness.Bus.Publish(Conversations.Valid("command", turns: 13));

        if (error is null)
        {
            var completed = await pipeline.Harness.WaitForPublished<TrainingCompleted>();
            Assert.Equal(0, completed.Metrics["command_exit_code"]);
            var log = await File.ReadAllTextAsync(Path.Combine(completed.ArtifactLocation!, "trainer.log"));
            Assert.Contains("training on " + Path.Combine(completed.ArtifactLocation!, "train.jsonl"), log);
        }
        else
        {
            var failed = await pipeline.Harness.WaitForPublished<TrainingFailed>();
            Assert.Contains(error, failed.Error);
        }
    }

    private static string SessionOf(string line) => Regex.Match(line, @"of (export-\d+) about").Groups[1].Value;

    private static async Task WaitForIdleTrainerAsync(PipelineHarness pipeline)
    {
        await Eventually.Until(async () =>
        {
            await using var db = await pipeline.DbAsync();
            return !await db.TrainingRuns.AnyAsync(r => r.Status == TrainingRunStatus.Queued || r.Status == TrainingRunStatus.Running);
        }, TimeSpan.FromSeconds(60), "an idle trainer");
    }
}
