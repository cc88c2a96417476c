using System.Text.Json;
using Sessions.Admin.Generation;
using Sessions.Admin.Ingest;
using Sessions.Processor;
using Sessions.Processor.Requirements;

namespace Sessions.UnitTests;

public class SyntheticSessionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private readonly SessionRequirements _requirements = new(new SessionRequirementsOptions());

    [Fact]
    public void Every_session_gets_the_verdict_it_announces()
    {
        var settings = new GenerationSettings { Sessions = 500, InvalidFraction = 0.3, Languages = ["en", "de", "fr", "es"] };

        var sessions = new SyntheticSessions(settings).Generate().ToList();

        Assert.Equal(500, sessions.Count);
        foreach (var session in sessions)
        {
            var expected = session.Metadata!.Properties!["expected"];
            var codes = _requirements.Check(session, Now).Select(r => r.Code).ToList();
            if (expected == "accepted")
            {
                Assert.Empty(codes);
                Assert.Equal(20, session.Messages!.Count);
            }
            else
            {
                Assert.Contains(expected, codes);
            }
        }

        var invalid = sessions.Count(s => s.Metadata!.Properties!["expected"] != "accepted");
        Assert.InRange(invalid, 120, 180); // 0.3 of 500, give or take the draw
        Assert.Equal(4, sessions.Select(s => s.Metadata!.Properties!["language"]).Distinct().Count());
        Assert.Equal(5, sessions.Select(s => s.Metadata!.Properties!["expected"]).Where(e => e != "accepted").Distinct().Count());
    }

    [Fact]
    public void The_same_settings_give_the_same_bytes_and_another_seed_does_not()
    {
        string Write(int seed) => string.Join('\n', new SyntheticSessions(new GenerationSettings { Sessions = 50, Seed = seed })
            .Generate().Select(s => JsonSerializer.Serialize(s, SessionFile.Json)));

        Assert.Equal(Write(7), Write(7));
        Assert.NotEqual(Write(7), Write(8));
    }

    [Fact]
    public void Duplicates_reuse_messages_under_new_ids_and_redeliveries_reuse_the_id()
    {
        var sessions = new SyntheticSessions(new GenerationSettings { Sessions = 300, InvalidFraction = 0, DuplicateFraction = 0.2, RedeliveryFraction = 0.1 })
            .Generate().ToList();
        var accepted = sessions.Where(s => s.Metadata!.Properties!["expected"] == "accepted").ToList();

        var duplicates = sessions.Where(s => s.Metadata!.Properties!["expected"] == "duplicate").ToList();
        var redeliveries = sessions.Where(s => s.Metadata!.Properties!["expected"] == "redelivery").ToList();
        Assert.NotEmpty(duplicates);
        Assert.NotEmpty(redeliveries);
        Assert.All(duplicates, d => Assert.Contains(accepted, a => a.SessionId != d.SessionId && a.Messages!.SequenceEqual(d.Messages!)));
        Assert.All(redeliveries, r => Assert.Contains(accepted, a => a.SessionId == r.SessionId && a.Messages!.SequenceEqual(r.Messages!)));
        Assert.Equal(accepted.Count, accepted.Select(a => a.SessionId).Distinct().Count());
        Assert.Equal(accepted.Count, accepted.Select(a => a.Messages![1].Content).Distinct().Count()); // fresh sessions differ
    }

    [Theory]
    [InlineData(9, 0.1, 0, "en", "--messages")]
    [InlineData(20, 1.5, 0, "en", "fractions")]
    [InlineData(20, 0.6, 0.6, "en", "add up to more than 1")]
    [InlineData(20, 0.1, 0, "xx", "unknown language 'xx'")]
    public void Impossible_settings_are_named(int messages, double invalid, double duplicate, string language, string problem) =>
        Assert.Contains(problem, new GenerationSettings { Messages = messages, InvalidFraction = invalid, DuplicateFraction = duplicate, Languages = [language] }.Problem());
}
