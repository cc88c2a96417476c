using Sessions.Deduplication;
using Sessions.Validator.Quality;
using Sessions.Validator.Validation;
using Sessions.Storage.Entities;
using Sessions.Text;

namespace Sessions.UnitTests;

/// <summary>The quality checks as the validator applies them to a session's examples, with dedupe and learning.</summary>
public class ExampleQualityValidationTests
{
    private readonly ExampleValidator _validator = new(new QualityScorer(new QualityOptions()));

    private static ValidationCorpus Corpus(ModelQualityState? state = null) =>
        new(new HashSet<string>(), new NearDuplicateIndex(new DeduplicationOptions(), new InMemoryNearDuplicateStore()), state ?? new ModelQualityState { Changes = new() });

    private static ExampleCandidate Candidate(long id, string user, string reply, int tokens = 40, bool copy = false) =>
        new(id, $"h{id}", tokens, new ExchangeText(user, reply), IsCopy: copy);

    private static string Words(int seed, int count = 14) =>
        string.Join(' ', Enumerable.Range(0, count).Select(i => $"topic{seed}word{i}"));

    public static TheoryData<string, string, string> BadTexts => new()
    {
        { "empty", "", QualityCodes.EmptyText },
        { "whitespace", " \t\n  ", QualityCodes.EmptyText },
        { "only emoji", string.Concat(Enumerable.Repeat("😀🎉🔥", 20)), QualityCodes.TooFewUniqueWords },
        { "only punctuation", "?!... ;;; --- !!! ??? ... ,,, ::: (((", QualityCodes.TooFewUniqueWords },
        { "repeated line", string.Join('\n', Enumerable.Repeat("buy cheap followers now at our shop today please", 8)), QualityCodes.RepeatedLines },
        { "control characters", "\u0001\u0002\u0003\u0004\u0007\u001b", QualityCodes.EmptyText },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public void Bad_texts_are_rejected_with_a_reason_code_and_a_score(string name, string text, string code)
    {
        var verdict = _validator.Validate([Candidate(1, "", text)], Corpus()).Single();

        Assert.False(verdict.Accepted, name);
        Assert.Contains(code, verdict.Reasons.Select(r => r.Code));
        Assert.Contains(QualityCodes.LowQualityScore, verdict.Reasons.Select(r => r.Code));
        Assert.InRange(verdict.QualityScore!.Value, 0, 0.7);
    }

    [Theory]
    [InlineData("mixed scripts", "Wie viel kostet der Speicher? 这个存储配额是多少 и сколько стоит хранение данных в облаке сейчас")]
    [InlineData("right to left", "كم تكلفة التخزين في السحابة لكل شهر وهل يمكنني زيادة الحصة المتاحة لحسابي الآن")]
    [InlineData("hebrew", "כמה עולה האחסון בענן בכל חודש והאם אפשר להגדיל את המכסה של החשבון שלי עכשיו בבקשה")]
    public void Real_language_in_any_script_passes(string name, string text)
    {
        var verdict = _validator.Validate([Candidate(1, "", text)], Corpus()).Single();

        Assert.True(verdict.Accepted, $"{name}: {string.Join(", ", verdict.Reasons.Select(r => r.Code))}");
        Assert.True(verdict.QualityScore >= 0.7);
    }

    [Fact]
    public void A_hundred_thousand_characters_are_too_long_and_judged_without_throwing()
    {
        var text = string.Concat(Enumerable.Range(0, 14_000).Select(i => $"word{i % 997} "));
        var verdict = _validator.Validate([Candidate(1, "", text, tokens: 30_000)], Corpus()).Single();

        Assert.True(text.Length >= 100_000);
        Assert.Equal(ValidationCodes.SequenceTooLong, verdict.Reasons[0].Code);
        Assert.Equal(QualityCodes.LowQualityScore, verdict.Reasons[^1].Code);
        Assert.Equal(0, verdict.QualityScore);
    }

    [Fact]
    public void A_rejected_example_keeps_dedupe_and_quality_reasons_together()
    {
        var corpus = Corpus();
        corpus.AcceptedHashes.Add("h1");

        var verdict = _validator.Validate([Candidate(1, "", "ok ok ok")], corpus).Single();

        var codes = verdict.Reasons.Select(r => r.Code).ToList();
        Assert.Equal(ValidationCodes.DuplicateExact, codes[0]);
        Assert.Contains(QualityCodes.TooFewUniqueWords, codes);
        Assert.Equal(QualityCodes.LowQualityScore, codes[^1]);
    }

    [Fact]
    public void A_template_repeated_across_sessions_loses_its_tf_idf_once_the_corpus_is_large_enough()
    {
        var corpus = Corpus();
        const string template = "please tell me how the monthly invoice for my storage plan is calculated in detail";
        for (var i = 0; i < 40; i++)
        {
            var verdict = _validator.Validate([Candidate(i, Words(i), template)], corpus).Single();
            Assert.True(verdict.Accepted, $"example {i}: {string.Join(", ", verdict.Reasons.Select(r => r.Code))}");
        }

        // Only filler words: every one is in every accepted document.
        var filler = _validator.Validate([Candidate(100, "", template + " " + template)], corpus).Single();
        Assert.Contains(QualityCodes.LowTfIdf, filler.Reasons.Select(r => r.Code));
        Assert.Equal(40, corpus.Quality.Documents.DocumentCount);
        Assert.Equal(40, corpus.Quality.Changes!.TermDocuments["invoice"]);
    }

    [Fact]
    public void Augmented_copies_are_judged_but_not_learned()
    {
        var corpus = Corpus();
        _validator.Validate([Candidate(1, Words(1), Words(2))], corpus);

        var copy = _validator.Validate([Candidate(2, Words(1) + " extra", Words(2), copy: true)], corpus).Single();

        Assert.True(copy.Accepted);
        Assert.Equal(1, corpus.Quality.Documents.DocumentCount);
    }

    [Fact]
    public void Flags_of_an_accepted_example_are_kept_apart_from_reasons()
    {
        var corpus = Corpus();
        for (var i = 0; i < 40; i++)
        {
            _validator.Validate([Candidate(i, Words(i), Words(1000 + i), tokens: 30 + (i % 5))], corpus);
        }

        var verdict = _validator.Validate([Candidate(99, Words(99), Words(2099), tokens: 480)], corpus).Single();

        Assert.True(verdict.Accepted);
        Assert.Equal([QualityCodes.LengthOutlier], verdict.Flags.Select(r => r.Code));
        Assert.Empty(verdict.Reasons);
    }
}

public class ConversationsQualityTests
{
    [Fact]
    public void The_test_sessions_pass_the_quality_checks()
    {
        var validator = new ExampleValidator(new QualityScorer(new QualityOptions()));
        var session = Conversations.Valid("lonely", turns: 13);
        var turns = session.Messages!.Where(m => m.Role != "system").ToList();
        var candidates = Enumerable.Range(0, turns.Count / 2)
            .Select(i => new ExampleCandidate(i, $"h{i}", 60, new ExchangeText(turns[2 * i].Content!, turns[(2 * i) + 1].Content!)))
            .ToList();

        var verdicts = validator.Validate(candidates, new ValidationCorpus(new HashSet<string>(),
            new NearDuplicateIndex(new DeduplicationOptions(), new InMemoryNearDuplicateStore()), new ModelQualityState()));

        Assert.All(verdicts, v => Assert.True(v.Accepted, string.Join("; ", v.Reasons.Select(r => $"{r.Code}: {r.Detail}"))));
    }
}
