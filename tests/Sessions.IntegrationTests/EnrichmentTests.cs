using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests;

/// <summary>Seed 003: extra sources gathered per session; optional failures degrade gracefully, required ones fail the message.</summary>
public sealed class EnrichmentTests : IAsyncLifetime
{
    private LocalHttpServer _sources = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _sources = await LocalHttpServer.StartAsync(app =>
        {
            app.MapGet("/profile", (string sessionId, string userId) => Results.Json(new { userId, plan = "pro", sessionId }));
            app.MapGet("/broken", () => Results.Problem("crm is down", statusCode: 503));
        });
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
    }

    public async Task DisposeAsync()
    {
        await _sources.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Dictionary<string, string?> Source(int index, string name, string path, bool required) => new()
    {
        [$"Processor:Enrichment:Sources:{index}:Name"] = name,
        [$"Processor:Enrichment:Sources:{index}:Url"] = new Uri(_sources.BaseAddress, path).ToString(),
        [$"Processor:Enrichment:Sources:{index}:Required"] = required.ToString(),
    };

    [Fact]
    public async Task An_optional_source_that_fails_lowers_the_data_quality_score_and_the_session_is_still_stored()
    {
        var settings = Source(0, "profile", "/profile", required: false).Concat(Source(1, "crm", "/broken", required: false)).ToDictionary();
        await using var pipeline = await PipelineHarness.StartAsync(_database, settings);

        await pipeline.Harness.Bus.Publish(Conversations.Valid("enriched", turns: 13));
        await pipeline.Harness.WaitForPublished<SessionProcessed>(m => m.SessionId == "enriched");

        await using var db = await pipeline.DbAsync();
        var session = await db.Sessions.SingleAsync();
        Assert.Equal(4.0 / 5, session.DataQuality, 3); // redaction, tokens, embeddings, profile answered; crm did not
        var sources = JsonNode.Parse(session.SourcesJson!)!.AsArray();
        var crm = sources.Single(s => s!["name"]!.GetValue<string>() == "crm")!;
        Assert.False(crm["succeeded"]!.GetValue<bool>());
        Assert.Contains("503", crm["error"]!.GetValue<string>());
        var profile = sources.Single(s => s!["name"]!.GetValue<string>() == "profile")!;
        Assert.Equal("pro", profile["data"]!["plan"]!.GetValue<string>());
        Assert.Equal("enriched", profile["data"]!["sessionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_required_source_that_fails_retries_the_message_then_faults_and_stores_nothing()
    {
        await using var pipeline = await PipelineHarness.StartAsync(_database, Source(0, "crm", "/broken", required: true));

        await pipeline.Harness.Bus.Publish(Conversations.Valid("needs-crm", turns: 13));

        var fault = await pipeline.Harness.WaitForPublished<Fault<SessionEnded>>(f => f.Message.SessionId == "needs-crm", seconds: 60);
        Assert.Contains("required enrichment failed: crm", fault.Exceptions[0].Message);
        await using var db = await pipeline.DbAsync();
        Assert.Equal(0, await db.Sessions.CountAsync());
    }
}
