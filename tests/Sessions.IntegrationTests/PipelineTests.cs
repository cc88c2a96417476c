using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests;

public sealed class PipelineTests_on_Sqlite() : PipelineTests(DatabaseProvider.Sqlite);

public sealed class PipelineTests_on_Postgres() : PipelineTests(DatabaseProvider.Postgres);

/// <summary>The whole pipeline on MassTransit's test harness over a real database; the same tests run on both providers.</summary>
public abstract class PipelineTests(string provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PipelineHarness _pipeline = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _pipeline = await PipelineHarness.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _database.DisposeAsync();
    }

    private ITestHarness Harness => _pipeline.Harness;

    [Fact]
    public async Task A_valid_session_becomes_examples_embeddings_and_a_training_run()
    {
        await Harness.Bus.Publish(Conversations.Valid("valid-1", turns: 13));

        await Harness.WaitForPublished<SessionProcessed>(m => m.SessionId == "valid-1");
        await Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "valid-1" && m.Accepted == 6);
        await Harness.WaitForPublished<TrainingQueued>();
        await Harness.WaitForPublished<TrainingCompleted>(m => m.Metrics["examples"] == 6);
        Assert.False(await Harness.Published.Any<Fault<SessionEnded>>());

        await using var db = await _pipeline.DbAsync();
        var session = await db.Sessions.SingleAsync();
        Assert.Equal((SessionStatus.Accepted, 6, 12), (session.Status, session.ExampleCount, session.EmbeddingCount));
        Assert.Equal(1.0, session.DataQuality);
        Assert.Contains("\"stored\":12,\"rejected\":0", session.SourcesJson);
        Assert.Equal(6, await db.Examples.CountAsync(e => e.Status == ExampleStatus.Accepted));
        Assert.Equal(12, await db.Embeddings.CountAsync(e => e.Dimension == 384 && e.Vector.Length == 384 * 4));
        var run = await db.TrainingRuns.SingleAsync();
        Assert.Equal((TrainingRunStatus.Completed, 6, "default-v1"), (run.Status, run.ExampleCount, run.ModelVersion));
        Assert.Equal(64, run.SnapshotHash!.Length);
    }

    [Fact]
    public async Task Every_validated_session_gets_one_trainer_answer_though_the_trainer_decides_per_batch()
    {
        for (var i = 0; i < 12; i++)
        {
            await Harness.Bus.Publish(Conversations.Valid($"answered-{i}", turns: 13));
        }

        await Eventually.Until(() => Harness.Published.Select<ExamplesValidated>().Count() == 12, TimeSpan.FromSeconds(60), "12 validated sessions");
        // The all-in-one host waits for one answer per validated session: a batch must not answer fewer.
        await Eventually.Until(() => Harness.Published.Select<TrainingQueued>().Count() + Harness.Published.Select<TrainingSkipped>().Count() == 12,
            TimeSpan.FromSeconds(30), "12 trainer answers");
        await using var db = await _pipeline.DbAsync();
        Assert.InRange(await db.TrainingDecisions.CountAsync(d => d.Trigger == "auto"), 1, 12);
    }

    [Fact]
    public async Task Every_consumer_records_how_long_its_message_waited_in_the_queue()
    {
        var lags = new System.Collections.Concurrent.ConcurrentBag<(string Type, double Seconds)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Sessions.ServiceDefaults.QueueLagObserver.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => lags.Add(((string)tags[0].Value!, value)));
        listener.Start();

        await Harness.Bus.Publish(Conversations.Valid("lag", turns: 13));
        await Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "lag");

        // The processor's and the validator's waits; other tests' buses may add their own, never fewer.
        await Eventually.Until(() => lags.Any(l => l.Type == nameof(SessionEnded)) && lags.Any(l => l.Type == nameof(SessionProcessed)),
            TimeSpan.FromSeconds(10), "queue lag of SessionEnded and SessionProcessed");
        Assert.All(lags, l => Assert.InRange(l.Seconds, 0, 60));
    }

    [Fact]
    public async Task The_same_session_delivered_twice_is_stored_once_and_its_events_are_republished()
    {
        var session = Conversations.Valid("twice", turns: 13);
        await Harness.Bus.Publish(session);
        await Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "twice");
        await Harness.Bus.Publish(session);

        await Eventually.Until(() => Harness.Published.Select<ExamplesValidated>(m => m.Context.Message.SessionId == "twice").Count() == 2,
            TimeSpan.FromSeconds(30), "the second ExamplesValidated");
        Assert.Equal(2, Harness.Published.Select<SessionProcessed>(m => m.Context.Message.SessionId == "twice").Count());
        Assert.All(Harness.Published.Select<ExamplesValidated>(m => m.Context.Message.SessionId == "twice"),
            m => Assert.Equal(6, m.Context.Message.Accepted));

        await using var db = await _pipeline.DbAsync();
        Assert.Equal(1, await db.Sessions.CountAsync());
        Assert.Equal(6, await db.Examples.CountAsync());
        Assert.Equal(12, await db.Embeddings.CountAsync());
    }

    public static TheoryData<string, string> BadInputs() => new()
    {
        { "missing session id", "missing_session_id" },
        { "unknown role", "invalid_role" },
        { "empty message list", "too_few_messages" },
        { "10 MB message", "message_too_long" },
        { "nine messages", "too_few_messages" },
        { "1001 messages", "too_many_messages" },
        { "role SYSTEM", "invalid_role" },
        { "control characters", "control_characters" },
        { "timestamp in the future", "timestamp_in_future" },
        { "timestamps out of order", "timestamps_out_of_order" },
        { "end before start", "end_before_start" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_rejected_with_a_reason_and_nothing_stored_changes(string input, string code)
    {
        await Harness.Bus.Publish(Conversations.Valid("kept", turns: 13));
        await Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "kept");
        var before = await SnapshotAsync();

        var bad = Conversations.Valid("bad-1", turns: 13);
        var messages = bad.Messages!.ToList();
        bad = input switch
        {
            "missing session id" => bad with { SessionId = "" },
            "unknown role" => bad with { Messages = messages.Select((m, i) => i == 3 ? m with { Role = "tool" } : m).ToList() },
            "empty message list" => bad with { Messages = [] },
            "10 MB message" => bad with { Messages = messages.Select((m, i) => i == 3 ? m with { Content = new string('x', 10 * 1024 * 1024) } : m).ToList() },
            "nine messages" => bad with { Messages = messages.Take(9).ToList() },
            "1001 messages" => Conversations.Valid("bad-1", turns: 1001) with { Metadata = null },
            "role SYSTEM" => bad with { Messages = messages.Select((m, i) => i == 0 ? m with { Role = "SYSTEM" } : m).ToList() },
            "control characters" => bad with { Messages = messages.Select((m, i) => i == 3 ? m with { Content = "bell\u0007 and escape\u001b[2J" } : m).ToList() },
            "timestamp in the future" => bad with { Messages = messages.Select((m, i) => i == 12 ? m with { Timestamp = DateTimeOffset.UtcNow.AddDays(2) } : m).ToList(), Metadata = null },
            "timestamps out of order" => bad with { Messages = messages.Select((m, i) => i == 6 ? m with { Timestamp = Conversations.Start } : m).ToList() },
            _ => bad with { Metadata = new Sessions.Contracts.SessionMetadata { StartTime = Conversations.Start, EndTime = Conversations.Start.AddMinutes(-5) } },
        };
        await Harness.Bus.Publish(bad);

        await Harness.WaitForPublished<SessionRejected>(m => m.Reasons.Any(r => r.Code == code));
        Assert.False(await Harness.Published.Any<Fault<SessionEnded>>());
        Assert.Equal(before, await SnapshotAsync(exclude: "bad-1"));

        // The consumer keeps consuming.
        await Harness.Bus.Publish(Conversations.Valid("after-bad", turns: 13));
        await Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "after-bad");
    }

    [Fact]
    public async Task A_rejected_session_is_stored_with_every_reason()
    {
        var bad = Conversations.Valid("two-problems", turns: 13);
        var messages = bad.Messages!.Select((m, i) => i switch { 3 => m with { Role = "tool" }, 4 => m with { Content = " " }, _ => m }).ToList();
        await Harness.Bus.Publish(bad with { Messages = messages });

        await Harness.WaitForPublished<SessionRejected>(m => m.Reasons.Count == 2);
        await using var db = await _pipeline.DbAsync();
        var stored = await db.Sessions.SingleAsync(s => s.SessionId == "two-problems");
        Assert.Equal(SessionStatus.Rejected, stored.Status);
        Assert.Contains("invalid_role", stored.RejectionReasonsJson);
        Assert.Contains("empty_content", stored.RejectionReasonsJson);
        Assert.Null(stored.MessagesJson);
        Assert.Equal(0, await db.Examples.CountAsync());
    }

    [Fact]
    public async Task Examples_already_accepted_for_the_model_are_rejected_as_exact_duplicates()
    {
        var original = Conversations.Valid("original", turns: 13);
        await Harness.Bus.Publish(original);
        await Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "original");

        await Harness.Bus.Publish(original with { SessionId = "copy" });

        var copy = await Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "copy");
        Assert.Equal((0, 6, 6), (copy.Accepted, copy.Rejected, copy.RejectedByReason["duplicate_exact"]));
        await using var db = await _pipeline.DbAsync();
        Assert.Equal(6, await db.Examples.CountAsync(e => e.SessionId == "copy" && e.Status == ExampleStatus.Rejected));
    }

    [Fact]
    public async Task TrainModel_is_refused_with_a_reason_below_the_threshold_and_runs_when_forced()
    {
        await Harness.Bus.Publish(Conversations.Valid("train-1", turns: 13));
        await Harness.WaitForPublished<TrainingCompleted>();
        var client = Harness.GetRequestClient<TrainModel>();

        var refused = await client.GetResponse<TrainingQueued, TrainingSkipped>(new TrainModel("default", "all", false, "admin"));
        Assert.True(refused.Is(out Response<TrainingSkipped>? skipped));
        Assert.Equal("not_enough_new_examples", skipped!.Message.Reason);

        var unknown = await client.GetResponse<TrainingQueued, TrainingSkipped>(new TrainModel("no-such-model", "all", true, "admin"));
        Assert.True(unknown.Is(out Response<TrainingSkipped>? unknownSkipped));
        Assert.Equal("unknown_model", unknownSkipped!.Message.Reason);

        var forced = await client.GetResponse<TrainingQueued, TrainingSkipped>(new TrainModel("default", "all", true, "admin"));
        Assert.True(forced.Is(out Response<TrainingQueued>? queued));
        await Harness.WaitForPublished<TrainingCompleted>(m => m.RunId == queued!.Message.RunId);

        await using var db = await _pipeline.DbAsync();
        var manual = await db.TrainingRuns.SingleAsync(r => r.Id == queued!.Message.RunId);
        Assert.Equal(("manual", "admin", true, "default-v2"), (manual.Trigger, manual.RequestedBy, manual.Force, manual.ModelVersion));
        Assert.Contains(await db.TrainingDecisions.ToListAsync(), d => d.Reason == "not_enough_new_examples" && d.Decision == "skipped");
    }

    [Fact]
    public async Task PII_is_redacted_before_anything_is_stored_and_counted_per_type()
    {
        var session = Conversations.Valid("pii", turns: 13);
        var messages = session.Messages!.Select((m, i) => i == 3
            ? m with { Content = "write to jane.doe@example.com or call +1 415 555 0134 about card 4111 1111 1111 1111" }
            : m).ToList();
        await Harness.Bus.Publish(session with { Messages = messages });
        await Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "pii");

        await using var db = await _pipeline.DbAsync();
        var stored = await db.Sessions.SingleAsync();
        Assert.Contains("write to <EMAIL> or call <PHONE> about card <CREDIT_CARD>", stored.MessagesJson);
        Assert.Equal("""{"Email":1,"CreditCard":1,"Phone":1}""", stored.PiiCountsJson); // in redaction order
        var examples = await db.Examples.Select(e => e.MessagesJson).ToListAsync();
        Assert.Contains(examples, e => e.Contains("<EMAIL>"));
        Assert.DoesNotContain(examples.Append(stored.MessagesJson!), e => e.Contains("jane.doe") || e.Contains("4111") || e.Contains("555 0134"));
    }

    [Fact]
    public async Task Every_mapped_column_exists_after_migration()
    {
        await using var db = await _pipeline.DbAsync();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // Every mapped column exists in the hand-written migration: selecting each entity reads all of them.
        await db.Sessions.Take(1).ToListAsync();
        await db.Examples.Take(1).ToListAsync();
        await db.Embeddings.Take(1).ToListAsync();
        await db.TrainingRuns.Take(1).ToListAsync();
        await db.TrainingDecisions.Take(1).ToListAsync();
        await db.NearDuplicateBands.Take(1).ToListAsync();
        await db.TermFrequencies.Take(1).ToListAsync();
        await db.CorpusCounters.Take(1).ToListAsync();
        await db.ValidationReports.Take(1).ToListAsync();
        await db.Integrations.Take(1).ToListAsync();
    }

    private async Task<string> SnapshotAsync(string? exclude = null)
    {
        await using var db = await _pipeline.DbAsync();
        var sessions = await db.Sessions.Where(s => s.SessionId != exclude).OrderBy(s => s.SessionId)
            .Select(s => s.SessionId + s.Status + s.MessagesJson + s.ExampleCount).ToListAsync();
        var examples = await db.Examples.Where(e => e.SessionId != exclude).OrderBy(e => e.Id)
            .Select(e => e.Id + e.ContentHash + e.Status).ToListAsync();
        var embeddings = await db.Embeddings.CountAsync(e => e.SessionId != exclude);
        return string.Join("|", sessions) + "#" + string.Join("|", examples) + "#" + embeddings;
    }
}
