using System.Text;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests.Faults;

/// <summary>
/// 1,000 seeded malformed or hostile messages sent as raw bytes to the real SessionEnded exchange, mixed with valid
/// sessions (some with injection strings in their content), through the three services as processes on PostgreSQL.
/// </summary>
public sealed class FuzzedInputTests : IAsyncLifetime
{
    private const int Hostile = 1000;
    private const int Valid = 60;
    private string _vhost = "";
    private TestDatabase _database = null!;
    private ServiceFleet _fleet = null!;
    private EventLog _events = null!;

    public async Task InitializeAsync()
    {
        _vhost = await TestServers.CreateRabbitVirtualHostAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var environment = new Dictionary<string, string?>(_database.Settings.Concat(EventLog.RabbitSettings(_vhost)))
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Trainer:MinNewExamples"] = "100000000",
            ["Trainer:ArtifactsPath"] = Path.Combine(Path.GetTempPath(), $"sessions-fuzz-{_vhost}"),
        };
        _fleet = await ServiceFleet.StartAsync(_vhost, environment);
        _events = await EventLog.StartAsync(_vhost);
    }

    public async Task DisposeAsync()
    {
        _fleet.Dispose();
        await _events.DisposeAsync();
        await _database.DisposeAsync();
        await TestServers.DeleteRabbitVirtualHostAsync(_vhost);
    }

    [Fact]
    public async Task Every_valid_session_is_stored_once_and_every_hostile_message_is_rejected_or_parked()
    {
        var valid = Enumerable.Range(0, Valid).Select(i =>
        {
            var session = Conversations.Valid($"fuzz-ok-{i:D3}", turns: 12);
            // Hostile strings inside valid sessions are data: stored as text, never executed.
            return session with { Messages = session.Messages!.Select((m, j) => j == 1 ? m with { Content = m.Content + " " + HostileMessages.Injections[i % HostileMessages.Injections.Length] } : m).ToList() };
        }).ToList();
        var bodies = HostileMessages.Generate(Hostile, seed: 42);
        var order = new Random(7);
        var mixed = bodies.Select(b => (Body: b, Valid: false))
            .Concat(valid.Select(s => (Body: Encoding.UTF8.GetBytes(TestData.Json(s)), Valid: true)))
            .OrderBy(_ => order.Next()).ToList();

        await using (var connection = await new ConnectionFactory { HostName = TestServers.RabbitHost, Port = TestServers.RabbitPort, VirtualHost = _vhost }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)))
        {
            foreach (var (body, _) in mixed)
            {
                await channel.BasicPublishAsync("Sessions.Contracts:SessionEnded", "", mandatory: false,
                    new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent }, body);
            }
        }

        long parked = 0;
        await Eventually.Until(async () =>
        {
            parked = (await TestServers.QueueAsync(_vhost, "session-ended_error")).Messages;
            return _events.Of<ExamplesValidated>().Select(e => e.SessionId).Distinct().Count() == Valid
                && _events.Of<SessionRejected>().Count + parked == Hostile;
        }, TimeSpan.FromMinutes(4), $"{Valid} validated sessions and {Hostile} hostile messages rejected or parked");

        Assert.All(_fleet.Services, s => Assert.False(s.HasExited, "a service died:\n" + s.Output));
        // Content is never logged (the planted address would show), nor are raw control characters that could forge
        // log lines. Session ids are logged as given: an id made of printable ASCII is valid even when it reads like
        // HTML or SQL, and it is stored and logged as text.
        Assert.DoesNotContain(HostileMessages.Secret, _fleet.Output);
        Assert.DoesNotContain("\u001b[31m", _fleet.Output);
        await using var db = TestData.Open(_database);
        var stored = await db.Sessions.Where(s => s.SessionId.StartsWith("fuzz-ok-")).ToListAsync();
        Assert.Equal(Valid, stored.Count);
        Assert.All(stored, s => Assert.Equal(SessionStatus.Accepted, s.Status));
        Assert.True(await db.Examples.AnyAsync(e => e.MessagesJson.Contains("DROP TABLE")), "injection strings are stored as text");
        Assert.All(await db.Sessions.Where(s => s.SessionId.StartsWith("fuzz-bad-") || s.Status == SessionStatus.Rejected).ToListAsync(),
            s => Assert.Equal(SessionStatus.Rejected, s.Status));
        var reasons = _events.Of<SessionRejected>().SelectMany(r => r.Reasons.Select(x => x.Code)).Distinct().ToList();
        Assert.Contains("missing_session_id", reasons);
        Assert.Contains("message_too_long", reasons);
        Assert.Contains("invalid_role", reasons);
        Assert.True(parked > 0, "unreadable messages are parked in session-ended_error");
        TestReports.Write("fuzzing", $"fuzzing: {Hostile} hostile messages: {Hostile - parked} rejected with reasons ({string.Join(", ", reasons.Order())}), {parked} parked in session-ended_error; {Valid} valid sessions stored once");
    }
}
