using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.UnitTests;
using Xunit.Abstractions;

namespace Sessions.IntegrationTests;

public sealed class AdapterRunTests_on_Sqlite(ITestOutputHelper output) : AdapterRunTests(DatabaseProvider.Sqlite, output);

public sealed class AdapterRunTests_on_Postgres(ITestOutputHelper output) : AdapterRunTests(DatabaseProvider.Postgres, output);

/// <summary>Embedding runs through the bus: pairs from stored embeddings, a measured gain over the base, versioned artifacts, promotion.</summary>
public abstract class AdapterRunTests(string provider, ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PipelineHarness _pipeline = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        // Automatic runs would race the manual ones below; this test asks for its runs itself.
        _pipeline = await PipelineHarness.StartAsync(_database, new Dictionary<string, string?> { ["Trainer:MinNewExamples"] = "1000000" });
    }

    public async Task DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_embedding_run_trains_an_adapter_that_beats_the_base_and_only_a_better_one_is_promoted()
    {
        var topics = new TopicConversations(topics: 40, seed: 11);
        for (var i = 0; i < 60; i++)
        {
            await _pipeline.Harness.Bus.Publish(topics.Session($"topic-{i:D2}", exchanges: 6));
        }

        await Eventually.Until(() => _pipeline.Harness.Published.Select<ExamplesValidated>().Count() == 60, TimeSpan.FromSeconds(120), "60 validated sessions");

        var first = await RunAsync(epochs: 30);
        var report = $"{provider}: " + string.Join(", ", first.Metrics.Where(m => m.Key.Contains("mrr") || m.Key.Contains("recall") || m.Key.Contains("pairs"))
            .OrderBy(m => m.Key).Select(m => $"{m.Key}={m.Value}"));
        output.WriteLine(report);
        TestReports.Write($"adapter-run-{provider.ToLowerInvariant()}", report);
        Assert.True(first.Metrics["adapter_mrr_at_10"] >= first.Metrics["base_mrr_at_10"] + 0.2, report);
        Assert.True(first.Metrics["adapter_recall_at_5"] > first.Metrics["base_recall_at_5"], report);
        Assert.Equal(1, first.Metrics["adapter_promoted"]);
        Assert.Equal(360, first.Metrics["adapter_train_pairs"] + first.Metrics["adapter_validation_pairs"]);

        var card = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(first.ArtifactLocation!, "adapter.json")))!;
        Assert.Equal(first.ModelVersion, card["modelVersion"]!.GetValue<string>());
        Assert.Equal(30, card["configuration"]!["epochs"]!.GetValue<int>());
        Assert.True(new FileInfo(Path.Combine(first.ArtifactLocation!, "adapter.bin")).Length > 384 * 384 * 4);
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(first.ArtifactLocation!, "snapshot.json")))!;
        Assert.Equal(360, snapshot["exampleIds"]!.AsArray().Count);

        // One epoch on the same data cannot match thirty: measured against the promoted adapter, it stays unpromoted.
        var second = await RunAsync(epochs: 1);
        Assert.Equal(0, second.Metrics["adapter_promoted"]);
        Assert.Equal(first.Metrics["adapter_mrr_at_10"], second.Metrics["promoted_mrr_at_10"]);
        Assert.NotEqual(first.ArtifactLocation, second.ArtifactLocation);

        await using var db = await _pipeline.DbAsync();
        var promoted = await db.TrainingRuns.Where(r => r.ModelName == "default" && r.Promoted).Select(r => r.Id).ToListAsync();
        Assert.Equal([first.RunId], promoted);
    }

    [Fact]
    public async Task An_embedding_run_without_enough_pairs_fails_with_the_reason()
    {
        await _pipeline.Harness.Bus.Publish(Conversations.Valid("lonely", turns: 13));
        await _pipeline.Harness.WaitForPublished<ExamplesValidated>();

        var response = await _pipeline.Harness.GetRequestClient<TrainModel>()
            .GetResponse<TrainingQueued, TrainingSkipped>(new TrainModel("default", TrainingType.Embedding, true, "test"));

        Assert.True(response.Is(out Response<TrainingQueued>? queued));
        var failed = await _pipeline.Harness.WaitForPublished<TrainingFailed>(f => f.RunId == queued!.Message.RunId);
        Assert.Contains("the adapter needs at least 2 of each", failed.Error);
    }

    private async Task<TrainingCompleted> RunAsync(int epochs)
    {
        var response = await _pipeline.Harness.GetRequestClient<TrainModel>()
            .GetResponse<TrainingQueued, TrainingSkipped>(new TrainModel("default", TrainingType.Embedding, true, "test", epochs));
        Assert.True(response.Is(out Response<TrainingQueued>? queued), JsonSerializer.Serialize(response.Message));
        return await _pipeline.Harness.WaitForPublished<TrainingCompleted>(c => c.RunId == queued!.Message.RunId, seconds: 120);
    }
}
