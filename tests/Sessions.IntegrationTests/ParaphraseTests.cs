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

    [Fact]
    public async Task Each_accepted_example_gets_one_paraphrased_copy_of_its_user_turn()
    {
        await using var pipeline = await StartAsync();
        await pipeline.Harness.Bus.Publish(Conversations.Valid("para", turns: 13));
        await pipeline.Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "para");

        await using var db = await pipeline.DbAsync();
        var copies = await db.Examples.Where(e => e.Origin == ExampleOrigin.Augmented && e.Status == ExampleStatus.Accepted).ToListAsync();
        var paraphrased = copies.Where(c => ExampleText.LastExchange(c.MessagesJson).User.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(6, _requests.Count);
        Assert.Equal(6, paraphrased.Count);
        Assert.All(_requests, r => Assert.Equal("system", (string)r["messages"]![0]!["role"]!));
        Assert.All(paraphrased, c => Assert.NotNull(c.ParentExampleId));
        Assert.True(copies.Count > paraphrased.Count, "EDA copies are made besides");
    }

    [Fact]
    public async Task A_failing_endpoint_costs_only_the_paraphrases()
    {
        _failing = true;
        await using var pipeline = await StartAsync();
        await pipeline.Harness.Bus.Publish(Conversations.Valid("para-down", turns: 13));
        var validated = await pipeline.Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "para-down");

        Assert.Equal(6, validated!.Accepted);
        Assert.True(validated.Augmented > 0);
        Assert.Equal(6, _requests.Count);
        Assert.False(await pipeline.Harness.Published.Any<Fault<SessionProcessed>>());
    }
}
