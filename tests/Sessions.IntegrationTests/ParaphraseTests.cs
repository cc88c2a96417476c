using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.UnitTests;
using Sessions.Validator.Validation;

namespace Sessions.IntegrationTests;

public sealed class ParaphraseTests_on_Sqlite() : ParaphraseTests(DatabaseProvider.Sqlite);

public sealed class ParaphraseTests_on_Postgres() : ParaphraseTests(DatabaseProvider.Postgres);

/// <summary>
/// Paraphrase copies through an OpenAI-compatible chat endpoint; the endpoint is a stand-in on loopback speaking the
/// real <c>POST /v1/chat/completions</c> wire format (no such service runs here).
/// </summary>
public abstract class ParaphraseTests(string provider) : IAsyncLifetime
{
    private const string Prefix = "Put differently:";
    private readonly ConcurrentQueue<JsonNode> _requests = new();
    private TestDatabase _database = null!;
    private LocalHttpServer _server = null!;
    private bool _failing;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _server = await LocalHttpServer.StartAsync(app => app.MapPost("/v1/chat/completions", CompleteAsync));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task CompleteAsync(HttpContext context)
    {
        var request = (await JsonNode.ParseAsync(context.Request.Body))!;
        _requests.Enqueue(request);
        if (_failing)
        {
            context.Response.StatusCode = 503;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "model is loading", type = "server_error", code = (string?)null } });
            return;
        }

        var user = (string)request["messages"]![1]!["content"]!;
        await context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-1",
            @object = "chat.completion",
            model = (string)request["model"]!,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = $"{Prefix} {user}" }, finish_reason = "stop" } },
        });
    }

    private Task<PipelineHarness> StartAsync() => PipelineHarness.StartAsync(_database, new Dictionary<string, string?>
    {
        ["Validator:Augmentation:Enabled"] = "true",
        ["Validator:Augmentation:Paraphrase:Enabled"] = "true",
        ["Validator:Augmentation:Paraphrase:Endpoint"] = new Uri(_server.BaseAddress, "/v1").ToString(),
        ["Validator:Augmentation:Paraphrase:Model"] = "paraphraser",
    });

    private static async Task<TrainingCompleted> FeedAndTrainAsync(PipelineHarness pipeline, string id)
    {
        await pipeline.Harness.Bus.Publish(Conversations.Valid(id, turns: 13));
        await pipeline.Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == id);
        var response = await pipeline.Harness.GetRequestClient<TrainModel>()
            .GetResponse<TrainingQueued, TrainingSkipped>(new TrainModel("default", "finetuning", true, "test"));
        Assert.True(response.Is(out Response<TrainingQueued>? queued));
        return await pipeline.Harness.WaitForPublished<TrainingCompleted>(c => c.RunId == queued!.Message.RunId, seconds: 60);
    }

    [Fact]
    public async Task Each_example_of_a_run_gets_one_paraphrase_of_its_user_turn_checked_like_any_copy()
    {
        await using var pipeline = await StartAsync();
        var completed = await FeedAndTrainAsync(pipeline, "para");

        await using var db = await pipeline.DbAsync();
        var paraphrases = await db.AugmentedCopies.Where(c => c.RunId == completed.RunId && c.Method == "paraphrase").ToListAsync();
        Assert.Equal(6, _requests.Count);
        Assert.Equal(6, paraphrases.Count);
        Assert.All(_requests, r => Assert.Equal("system", (string)r["messages"]![0]!["role"]!));
        Assert.All(paraphrases, c => Assert.StartsWith(Prefix, c.UserText, StringComparison.Ordinal));
        Assert.All(paraphrases.Where(c => c.Accepted), c => Assert.StartsWith(Prefix, ExampleText.LastExchange(c.MessagesJson!).User, StringComparison.Ordinal));
        Assert.All(paraphrases.Where(c => !c.Accepted), c => Assert.False(string.IsNullOrEmpty(c.RejectionReason)));
        Assert.False(await db.Examples.AnyAsync(e => e.Origin == ExampleOrigin.Augmented));
    }

    [Fact]
    public async Task A_failing_endpoint_costs_only_the_paraphrases_and_the_run_goes_on()
    {
        _failing = true;
        await using var pipeline = await StartAsync();
        var completed = await FeedAndTrainAsync(pipeline, "para-down");

        await using var db = await pipeline.DbAsync();
        var paraphrases = await db.AugmentedCopies.Where(c => c.RunId == completed.RunId && c.Method == "paraphrase").ToListAsync();
        Assert.Equal(6, _requests.Count);
        Assert.All(paraphrases, c => Assert.Equal(("paraphrase_failed", false), (c.RejectionReason, c.Accepted)));
        Assert.Equal(6, paraphrases.Count);
        Assert.False(await pipeline.Harness.Published.Any<Fault<AugmentSnapshot>>());
    }
}
