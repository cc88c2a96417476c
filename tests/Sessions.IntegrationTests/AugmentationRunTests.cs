using Sessions.Embeddings;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Trainer;
using Sessions.Trainer.Folds;
using Sessions.Trainer.FineTuning;
using Sessions.Trainer.Runs;
using Sessions.UnitTests;
using Sessions.Validator.Validation;

namespace Sessions.IntegrationTests;

public sealed class AugmentationRunTests_on_Sqlite() : AugmentationRunTests(DatabaseProvider.Sqlite);

public sealed class AugmentationRunTests_on_Postgres() : AugmentationRunTests(DatabaseProvider.Postgres);

/// <summary>Augmentation as a step of a training run, run files equal to their snapshot, and the same input giving the same output.</summary>
public abstract class AugmentationRunTests(string provider) : IAsyncLifetime
{
    private const int Sessions = 12;
    private readonly List<TestDatabase> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    private async Task<PipelineHarness> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        _databases.Add(database);
        var settings = new Dictionary<string, string?>
        {
            ["Validator:Augmentation:Enabled"] = "true",
            // One run, the one the test asks for: automatic runs would snapshot while sessions still arrive.
            ["Trainer:MinNewExamples"] = "100000",
            ["Validator:Quality:StatisticsFlushInterval"] = "01:00:00",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return await PipelineHarness.StartAsync(database, settings);
    }

    /// <summary>Publishes the sessions one at a time (each meets the same corpus every time) and waits for every verdict.</summary>
    private static async Task FeedAsync(PipelineHarness pipeline)
    {
        for (var i = 0; i < Sessions; i++)
        {
            var id = $"aug-{i:D2}";
            await pipeline.Harness.Bus.Publish(Conversations.Valid(id, turns: 13));
            await pipeline.Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == id, seconds: 60);
        }
    }

    private static async Task<TrainingCompleted> TrainAsync(PipelineHarness pipeline, string type = "all")
    {
        var response = await pipeline.Harness.GetRequestClient<TrainModel>()
            .GetResponse<TrainingQueued, TrainingSkipped>(new TrainModel("default", type, true, "test"));
        Assert.True(response.Is(out Response<TrainingQueued>? queued));
        TrainingCompleted? completed = null;
        await Eventually.Until(() =>
        {
            completed = pipeline.Harness.Published.Select<TrainingCompleted>(m => m.Context.Message.RunId == queued!.Message.RunId)
                .Select(m => m.Context.Message).FirstOrDefault();
            var failed = pipeline.Harness.Published.Select<TrainingFailed>(m => m.Context.Message.RunId == queued!.Message.RunId)
                .Select(m => m.Context.Message).FirstOrDefault();
            Assert.True(failed is null, failed?.Error);
            return completed is not null;
        }, TimeSpan.FromSeconds(120), "the run's outcome");
        return completed!;
    }

    [Fact]
    public async Task A_session_stores_no_copies_and_a_run_gets_the_copies_of_its_snapshot_from_the_augmentor()
    {
        await using var pipeline = await StartAsync();
        await FeedAsync(pipeline);
        Assert.All(pipeline.Harness.Published.Select<ExamplesValidated>().Select(m => m.Context.Message), v => Assert.Equal(0, v.Augmented));
        await using (var db = await pipeline.DbAsync())
        {
            Assert.False(await db.Examples.AnyAsync(e => e.Origin == ExampleOrigin.Augmented));
        }

        var completed = await TrainAsync(pipeline);

        await using var check = await pipeline.DbAsync();
        var rows = await check.AugmentedCopies.Where(c => c.RunId == completed.RunId).ToListAsync();
        var parents = await check.Examples.Where(e => e.Status == ExampleStatus.Accepted).ToDictionaryAsync(e => e.Id);
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count(r => r.Accepted), (int)completed.Metrics["augmented_copies"]);
        Assert.All(rows.Where(r => r.Accepted), copy =>
        {
            var parent = parents[copy.ParentExampleId];
            Assert.Equal(parent.SessionId, copy.SessionId);
            var copied = ExampleText.LastExchange(copy.MessagesJson!);
            var original = ExampleText.LastExchange(parent.MessagesJson);
            Assert.Equal(original.Reply, copied.Reply);
            Assert.NotEqual(original.User, copied.User);
            Assert.True(copy.ParentCosine >= 0.8 && copy.Fluency >= 0.5, $"{copy.ParentCosine} {copy.Fluency}");
        });
        Assert.All(rows.Where(r => !r.Accepted), r => Assert.False(string.IsNullOrEmpty(r.RejectionReason)));

        // The files hold no copies by default: every reply appears once.
        var train = await File.ReadAllLinesAsync(Path.Combine(completed.ArtifactLocation!, "train.jsonl"));
        var validation = await File.ReadAllLinesAsync(Path.Combine(completed.ArtifactLocation!, "validation.jsonl"));
        Assert.Equal((int)completed.Metrics["examples"], train.Length + validation.Length);
        Assert.Equal(train.Length + validation.Length, train.Concat(validation).Distinct().Count());
        var card = await File.ReadAllTextAsync(Path.Combine(completed.ArtifactLocation!, "dataset_card.json"));
        Assert.Contains("CopiesPerExampleInFiles is 0", card);

        // A redelivered request is answered from the stored copies and stores none again.
        var again = await pipeline.Harness.GetRequestClient<AugmentSnapshot>()
            .GetResponse<SnapshotAugmented>(new AugmentSnapshot(completed.RunId, "default", [.. parents.Keys], 42));
        Assert.Equal(rows.Count(r => r.Accepted), again.Message.Copies);
        Assert.Equal(rows.Count, await check.AugmentedCopies.CountAsync(c => c.RunId == completed.RunId));
    }

    [Fact]
    public async Task With_copies_in_the_files_they_stay_in_their_parents_training_fold_and_no_reply_appears_more_than_n_plus_one_times()
    {
        await using var pipeline = await StartAsync(new() { ["Trainer:Augmentation:CopiesPerExampleInFiles"] = "1" });
        await FeedAsync(pipeline);
        var completed = await TrainAsync(pipeline, "finetuning");

        var train = await File.ReadAllLinesAsync(Path.Combine(completed.ArtifactLocation!, "train.jsonl"));
        var validation = await File.ReadAllLinesAsync(Path.Combine(completed.ArtifactLocation!, "validation.jsonl"));
        Assert.Equal((int)completed.Metrics["validation_examples"], validation.Length);
        var replies = train.Concat(validation).Select(l => ExampleText.LastExchange(JsonDocument.Parse(l).RootElement.GetProperty("messages").GetRawText()).Reply);
        Assert.All(replies.CountBy(r => r), r => Assert.InRange(r.Value, 1, 2));
        var validationReplies = validation.Select(l => ExampleText.LastExchange(JsonDocument.Parse(l).RootElement.GetProperty("messages").GetRawText()).Reply).ToHashSet();
        Assert.Equal(validation.Length, validationReplies.Count); // no copy in the validation fold
        Assert.Equal(train.Length - (int)completed.Metrics["train_examples"], (int)completed.Metrics["train_file_augmented_examples"]);
    }

    [Theory]
    [InlineData("continue")]
    [InlineData("fail")]
    public async Task A_run_that_finds_no_augmentor_goes_on_without_copies_or_fails_with_the_reason_by_configuration(string whenUnanswered)
    {
        await using var pipeline = await StartAsync(new()
        {
            ["Harness:WithoutAugmentor"] = "true",
            ["Trainer:Augmentation:Timeout"] = "00:00:02",
            ["Trainer:Augmentation:WhenUnanswered"] = whenUnanswered,
        });
        await FeedAsync(pipeline);
        var response = await pipeline.Harness.GetRequestClient<TrainModel>()
            .GetResponse<TrainingQueued, TrainingSkipped>(new TrainModel("default", "finetuning", true, "test"));
        Assert.True(response.Is(out Response<TrainingQueued>? queued));
        var runId = queued!.Message.RunId;

        if (whenUnanswered == "fail")
        {
            var failed = await pipeline.Harness.WaitForPublished<TrainingFailed>(f => f.RunId == runId, seconds: 60);
            Assert.Contains("no augmentor answered", failed.Error);
        }
        else
        {
            var completed = await pipeline.Harness.WaitForPublished<TrainingCompleted>(c => c.RunId == runId, seconds: 60);
            Assert.Equal(1, completed.Metrics["augmentation_unanswered"]);
            Assert.Equal(0, completed.Metrics["augmented_copies"]);
        }
    }

    [Fact]
    public async Task Examples_accepted_after_the_snapshot_are_not_in_the_run_files_nor_its_pairs()
    {
        await using var pipeline = await StartAsync(new() { ["Validator:Augmentation:Enabled"] = "false" });
        await FeedAsync(pipeline);
        await using var db = await pipeline.DbAsync();
        var loader = new TrainingSnapshotLoader(db, new TrainerOptions());
        var snapshot = await loader.SnapshotAsync("default", CancellationToken.None);

        // Accepted between the snapshot and the export, as a validator running beside the trainer would.
        var late = await db.Examples.AsNoTracking().Where(e => e.Status == ExampleStatus.Accepted).OrderBy(e => e.Id).Take(5).ToListAsync();
        foreach (var example in late)
        {
            example.Id = 0;
            example.SessionId = "late-" + example.SessionId;
            example.ContentHash = "1a7e" + example.ContentHash[4..];
            db.Examples.Add(example);
        }

        await db.SaveChangesAsync();
        var folder = Path.Combine(pipeline.ArtifactsPath, "late");
        var folds = new GroupedFolds(5, 42, snapshot.SessionIds);
        var card = await new FineTuningExporter(folds).ExportAsync(
            loader.ExamplesAsync(await loader.OrderAsync("default", snapshot, CancellationToken.None), CancellationToken.None),
            folder, "default", "default-v1", snapshot.Hash, CancellationToken.None);
        var pairs = await new ReplyPairLoader(db, new EmbeddingOptions { Provider = EmbeddingOptions.Lexical }).LoadAsync("default", snapshot, CancellationToken.None);

        var lines = (await File.ReadAllLinesAsync(Path.Combine(folder, "train.jsonl"))).Concat(await File.ReadAllLinesAsync(Path.Combine(folder, "validation.jsonl"))).ToList();
        Assert.Equal(snapshot.Examples.Count, lines.Count);
        Assert.Equal(snapshot.Examples.Count, card.TrainExamples + card.ValidationExamples);
        Assert.Equal(snapshot.Examples.Count, pairs.Pairs.Count + pairs.ExamplesWithoutPair);
        Assert.DoesNotContain(pairs.Pairs, p => p.GroupId.StartsWith("late-", StringComparison.Ordinal));
        var now = await loader.SnapshotAsync("default", CancellationToken.None);
        Assert.Equal(snapshot.Examples.Count + late.Count, now.Examples.Count); // they were stored, and accepted: just later
        Assert.NotEqual(snapshot.Hash, now.Hash);
    }

    [Fact]
    public async Task The_same_input_twice_gives_the_same_stored_rows_copies_and_byte_identical_training_files()
    {
        var outputs = new List<(string Rows, string Copies, byte[] Train, byte[] Validation, string Card, string Hash)>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var pipeline = await StartAsync();
            await FeedAsync(pipeline);
            var completed = await TrainAsync(pipeline);
            await using var db = await pipeline.DbAsync();
            var rows = await db.Examples.AsNoTracking().OrderBy(e => e.SessionId).ThenBy(e => e.LastMessageIndex)
                .Select(e => new { e.SessionId, e.LastMessageIndex, e.ContentHash, e.Status, e.QualityScore, e.TokenCount, e.MessagesJson }).ToListAsync();
            var copies = await db.AugmentedCopies.AsNoTracking().OrderBy(c => c.SessionId).ThenBy(c => c.ParentExampleId).ThenBy(c => c.Ordinal)
                .Select(c => new { c.SessionId, c.Ordinal, c.Method, c.UserText, c.ContentHash, c.ParentCosine, c.Fluency, c.RejectionReason, c.Vector }).ToListAsync();
            var folder = completed.ArtifactLocation!;
            var card = (await File.ReadAllTextAsync(Path.Combine(folder, "dataset_card.json"))).Replace(completed.ModelVersion, "VERSION");
            outputs.Add((JsonSerializer.Serialize(rows), JsonSerializer.Serialize(copies),
                await File.ReadAllBytesAsync(Path.Combine(folder, "train.jsonl")), await File.ReadAllBytesAsync(Path.Combine(folder, "validation.jsonl")),
                card, JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, DatasetSnapshot.FileName))).RootElement.GetProperty("hash").GetString()!));
        }

        Assert.Equal(outputs[0].Rows, outputs[1].Rows);
        Assert.Equal(outputs[0].Copies, outputs[1].Copies);
        Assert.Equal(outputs[0].Train, outputs[1].Train);
        Assert.Equal(outputs[0].Validation, outputs[1].Validation);
        Assert.Equal(outputs[0].Card, outputs[1].Card);
        Assert.Equal(outputs[0].Hash, outputs[1].Hash);
        Assert.NotEmpty(outputs[0].Train);
    }
}
