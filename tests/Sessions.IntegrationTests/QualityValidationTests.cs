using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Text;
using Sessions.UnitTests;
using Sessions.Validator.Quality;

namespace Sessions.IntegrationTests;

public sealed class QualityValidationTests_on_Sqlite() : QualityValidationTests(DatabaseProvider.Sqlite);

public sealed class QualityValidationTests_on_Postgres() : QualityValidationTests(DatabaseProvider.Postgres);

/// <summary>The validator's quality checks through the consumer, with their statistics stored, on both providers.</summary>
public abstract class QualityValidationTests(string provider) : IAsyncLifetime
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
    public async Task Hostile_turns_get_reason_codes_while_the_good_ones_are_accepted_and_nothing_faults()
    {
        string[] users =
        [
            string.Concat(Enumerable.Repeat("😀🎉🔥", 30)),
            "?!... ;;; --- !!! ??? ... ,,, ::: ((( ))) ###",
            "كم تكلفة التخزين في السحابة لكل شهر وهل يمكنني زيادة الحصة المتاحة لحسابي الآن",
            "Wie viel kostet der Speicher? 这个存储配额是多少 и сколько стоит хранение данных в облаке сейчас",
            // Just under the processor's 32,000-character message limit (longer sessions are rejected whole as message_too_long).
            string.Concat(Enumerable.Range(0, 3_800).Select(i => $"word{i % 997} ")),
        ];
        var messages = new List<ChatMessage> { Conversations.Message("system", "You are a helpful assistant.", 0) };
        foreach (var user in users)
        {
            messages.Add(Conversations.Message("user", user, messages.Count));
            messages.Add(Conversations.Message("assistant", "ok", messages.Count));
        }

        var session = Conversations.Valid("hostile") with { Messages = messages, Metadata = new SessionMetadata { StartTime = Conversations.Start, EndTime = Conversations.Start.AddMinutes(20) } };
        await Harness.Bus.Publish(session);

        var validated = (await Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "hostile"))!;
        Assert.False(await Harness.Published.Any<Fault<SessionProcessed>>());
        await using var db = await _pipeline.DbAsync();
        var examples = await db.Examples.Where(e => e.SessionId == "hostile" && e.Variant == 0).OrderBy(e => e.LastMessageIndex).ToListAsync();
        var codes = examples.Select(e => e.RejectionReasonsJson is null ? [] : JsonSerializer.Deserialize<List<RejectionReason>>(e.RejectionReasonsJson)!.Select(r => r.Code).ToList()).ToList();

        Assert.Equal(5, examples.Count);
        Assert.Contains(QualityCodes.TooFewUniqueWords, codes[0]);
        Assert.Contains(QualityCodes.TooFewUniqueWords, codes[1]);
        Assert.Equal(ExampleStatus.Accepted, examples[2].Status);
        Assert.Equal(ExampleStatus.Accepted, examples[3].Status);
        Assert.Contains("sequence_too_long", codes[4]);
        Assert.All(examples.Where(e => e.Status == ExampleStatus.Rejected), e => Assert.True(e.QualityScore < 0.7));
        Assert.Equal((2, 3), (validated.Accepted, validated.Rejected));
        Assert.Equal(3, validated.RejectedByReason[QualityCodes.LowQualityScore]);
    }

    [Fact]
    public async Task Concurrent_sessions_add_to_the_stored_statistics_without_losing_an_update()
    {
        const int sessions = 24;
        var topics = new TopicConversations(topics: 12, seed: 7);
        var batch = Enumerable.Range(0, sessions).Select(i => topics.Session($"topic-{i}", exchanges: 6)).ToList();
        await Task.WhenAll(batch.Select(s => Harness.Bus.Publish(s)));
        await Eventually.Until(() => Harness.Published.Select<ExamplesValidated>().Select(m => m.Context.Message.SessionId).Distinct().Count() == sessions,
            TimeSpan.FromSeconds(90), $"{sessions} validated sessions");

        await using var db = await _pipeline.DbAsync();
        var accepted = await db.Examples.Where(e => e.Status == ExampleStatus.Accepted && e.Variant == 0).ToListAsync();
        // The validator writes its statistics once per interval (Validator:Quality:StatisticsFlushInterval, 1 s).
        var counters = new Dictionary<string, double>();
        await Eventually.Until(async () =>
        {
            counters = await db.CorpusCounters.AsNoTracking().Where(c => c.ModelName == "default").ToDictionaryAsync(c => c.Name, c => c.Value);
            return counters.GetValueOrDefault(CorpusCounterNames.Documents) >= accepted.Count;
        }, TimeSpan.FromSeconds(30), "the statistics written");
        Assert.True(accepted.Count > 50, $"{accepted.Count} accepted");
        Assert.Equal(accepted.Count, counters[CorpusCounterNames.Documents]);
        Assert.Equal(accepted.Count, counters[CorpusCounterNames.LogLengthCount]);
        Assert.Equal(accepted.Count, counters[CorpusCounterNames.CentroidCount]);
        Assert.Equal(accepted.Sum(e => Math.Log(1 + e.TokenCount)), counters[CorpusCounterNames.LogLengthSum], 6);
        Assert.Equal(384, counters.Keys.Count(k => k.StartsWith(CorpusCounterNames.CentroidComponentPrefix, StringComparison.Ordinal) && k != CorpusCounterNames.CentroidCount));

        // The document frequency of a word is the number of accepted examples whose last exchange holds it.
        var texts = accepted.Select(e => Sessions.Validator.Validation.ExampleText.LastExchange(e.MessagesJson).Combined).ToList();
        var term = await db.TermFrequencies.Where(t => t.ModelName == "default").OrderByDescending(t => t.Documents).ThenBy(t => t.Term).FirstAsync();
        Assert.Equal(texts.Count(t => WordSplitter.Words(t).Contains(term.Term)), term.Documents);
        Assert.All(accepted, e => Assert.NotNull(e.QualityScore));
        var report = await db.ValidationReports.FirstAsync();
        Assert.StartsWith("{", report.FlagsJson);
    }
}
