using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.AspireHost;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests;

/// <summary>The services in this process over a real RabbitMQ and PostgreSQL, fed by a python (pika) publisher.</summary>
public sealed class RabbitMqPipelineTests : IAsyncLifetime
{
    private string _vhost = "";
    private TestDatabase _database = null!;
    private IHost _services = null!;
    private EventLog _events = null!;

    public async Task InitializeAsync()
    {
        _vhost = await TestServers.CreateRabbitVirtualHostAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(_database.Settings);
        builder.Configuration.AddInMemoryCollection(EventLog.RabbitSettings(_vhost));
        builder.Configuration["Trainer:ArtifactsPath"] = Path.Combine(Path.GetTempPath(), $"sessions-rabbit-{_vhost}");
        builder.AddAllServices();
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        _services = builder.Build();
        await _services.StartAsync();
        _events = await EventLog.StartAsync(_vhost);
    }

    public async Task DisposeAsync()
    {
        await _events.DisposeAsync();
        await _services.StopAsync();
        _services.Dispose();
        await _database.DisposeAsync();
        await TestServers.DeleteRabbitVirtualHostAsync(_vhost);
        var artifacts = Path.Combine(Path.GetTempPath(), $"sessions-rabbit-{_vhost}");
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }

    [Fact]
    public async Task Plain_JSON_from_a_python_backend_is_processed_like_any_session()
    {
        var valid = Conversations.Valid("py-valid", turns: 13);
        var tooShort = Conversations.Valid("py-short", turns: 4);

        await PythonBackend.PublishAsync(_vhost, [TestData.Json(valid), TestData.Json(tooShort)]);

        var validated = await _events.WaitFor<ExamplesValidated>(e => e.SessionId == "py-valid");
        Assert.Equal(6, validated.Accepted);
        var rejected = await _events.WaitFor<SessionRejected>(e => e.SessionId == "py-short");
        Assert.Equal(["too_few_messages"], rejected.Reasons.Select(r => r.Code));
        await _events.WaitFor<TrainingCompleted>(_ => true);

        await using var db = TestData.Open(_database);
        Assert.Equal(SessionStatus.Accepted, (await db.Sessions.SingleAsync(s => s.SessionId == "py-valid")).Status);
        Assert.Equal(SessionStatus.Rejected, (await db.Sessions.SingleAsync(s => s.SessionId == "py-short")).Status);
        Assert.Equal(6, await db.Examples.CountAsync(e => e.SessionId == "py-valid" && e.Status == ExampleStatus.Accepted && e.Variant == 0));
        // The services run with their shipped defaults: augmentation belongs to training runs, a session stores no copies.
        Assert.Equal((0, 0), (validated.Augmented, await db.Examples.CountAsync(e => e.SessionId == "py-valid" && e.Origin == ExampleOrigin.Augmented)));
    }

    [Fact]
    public async Task Malformed_JSON_lands_in_the_error_queue_with_the_exception_and_consuming_goes_on()
    {
        await PythonBackend.PublishAsync(_vhost,
        [
            "{\"sessionId\": \"broken\", \"messages\": [",
            "{\"sessionId\": 5, \"messages\": \"not a list\"}",
            TestData.Json(Conversations.Valid("after-malformed", turns: 13)),
        ]);

        await _events.WaitFor<ExamplesValidated>(e => e.SessionId == "after-malformed");
        await Eventually.Until(async () => (await TestServers.QueueAsync(_vhost, "session-ended_error")).Messages == 2,
            TimeSpan.FromSeconds(30), "two messages in session-ended_error");

        using var http = TestServers.RabbitManagement();
        var response = await http.PostAsJsonAsync($"queues/{_vhost}/session-ended_error/get",
            new { count = 10, ackmode = "ack_requeue_true", encoding = "auto" });
        var faults = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(2, faults.Count);
        Assert.All(faults, m => Assert.False(string.IsNullOrEmpty(m!["properties"]!["headers"]!["MT-Fault-Message"]?.GetValue<string>())));

        await using var db = TestData.Open(_database);
        Assert.Equal(["after-malformed"], await db.Sessions.Select(s => s.SessionId).ToListAsync());
    }
}
