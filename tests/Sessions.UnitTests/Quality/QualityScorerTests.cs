using Sessions.Validator.Quality;
using Sessions.Validator.Validation;
using static Sessions.UnitTests.Quality.QualityTestInputs;
using Sessions.Storage.Entities;

namespace Sessions.UnitTests.Quality;

public class QualityScorerTests
{
    private readonly QualityScorer _scorer = new(new QualityOptions());
    private readonly ModelQualityState _empty = new();

    [Theory]
    [InlineData("Can you help me write a polite email to my landlord about the broken heating?")]
    [InlineData("Sure! Start by stating the problem, when it began, and what you need from them.")]
    [InlineData("هل يمكنك أن تشرح لي كيف أبدأ تعلم البرمجة بلغة بايثون من الصفر يا صديقي")] // 12 Arabic words
    [InlineData("אתה יכול להמליץ לי על ספר טוב בעברית לקריאה בחופשה הקרובה שלי")]
    [InlineData("你好，请问怎么用Python读取一个很大的CSV文件而不占用太多内存？")]
    [InlineData("Привет hello 你好 — I'm learning three languages at once, is that a bad idea?")]
    public void Typical_good_chat_turns_in_any_script_are_accepted_with_a_full_score(string text)
    {
        var assessment = _scorer.Assess(Of(text), _empty);

        Assert.True(assessment.Accepted, string.Join("; ", assessment.Reasons));
        Assert.Equal(1.0, assessment.Score);
        Assert.Empty(assessment.Reasons);
    }

    [Fact]
    public void An_ordinary_Arabic_sentence_of_twelve_words_counts_twelve_unique_words()
    {
        var signals = TextQualitySignals.Of("ذهبت إلى السوق صباح اليوم واشتريت خبزا طازجا وبعض الفواكه من البائع");

        Assert.Equal(12, signals.UniqueWords);
        Assert.True(_scorer.Assess(Of("ذهبت إلى السوق صباح اليوم واشتريت خبزا طازجا وبعض الفواكه من البائع"), _empty).Accepted);
    }

    [Theory]
    [InlineData("", new[] { QualityCodes.EmptyText, ValidationCodes.SequenceTooShort, QualityCodes.TooFewUniqueWords })]
    [InlineData("😀😀😀", new[] { QualityCodes.TooFewUniqueWords, QualityCodes.NonAlphanumericRatio })]
    [InlineData("!!!???...", new[] { QualityCodes.TooFewUniqueWords, QualityCodes.SymbolRatio, QualityCodes.NonAlphanumericRatio })]
    [InlineData("asdfghjkl qwertyuiop zxcvbnm", new[] { QualityCodes.TooFewUniqueWords })]
    [InlineData("lol lol lol lol lol lol lol lol lol lol lol lol", new[] { QualityCodes.TooFewUniqueWords, QualityCodes.RepeatedNgrams })]
    [InlineData("{}[]();;=>{}[]();;=>{}[]();;=>{}[]();;=>", new[] { QualityCodes.TooFewUniqueWords, QualityCodes.NonAlphanumericRatio })]
    [InlineData("#love #instagood #photooftheday #fashion #beautiful #happy #cute #tbt #like4like #followme #picoftheday",
        new[] { QualityCodes.SymbolRatio })]
    public void Junk_is_rejected_with_every_reason_and_low_quality_score(string text, string[] expected)
    {
        var assessment = _scorer.Assess(Of(text), _empty);

        Assert.False(assessment.Accepted);
        Assert.Equal(expected.Append(QualityCodes.LowQualityScore).Order(), assessment.Codes.Order());
        Assert.True(assessment.Score < 0.7);
    }

    [Fact]
    public void Repeated_line_spam_with_enough_words_is_rejected_for_its_repetition()
    {
        var line = "BUY CHEAP WATCHES NOW at our shop, best prices guaranteed for every single customer";
        var assessment = _scorer.Assess(Of(string.Join('\n', Enumerable.Repeat(line, 4))), _empty);

        Assert.False(assessment.Accepted);
        Assert.Contains(QualityCodes.RepeatedLines, assessment.Codes);
        Assert.Contains(QualityCodes.RepeatedNgrams, assessment.Codes);
        Assert.Equal(0, assessment.Score); // both far beyond their limits: double penalties
    }

    [Fact]
    public void A_100k_character_example_is_assessed_with_reason_codes_and_no_exception()
    {
        var text = string.Concat(Enumerable.Repeat("Please explain the refund policy for damaged parcels again. ", 1700))[..100_000];

        var assessment = _scorer.Assess(Of(text), _empty);

        Assert.False(assessment.Accepted);
        Assert.Equal(0, assessment.Score);
        Assert.Contains(ValidationCodes.SequenceTooLong, assessment.Codes);
        Assert.Contains(QualityCodes.RepeatedNgrams, assessment.Codes);
        Assert.Contains(QualityCodes.LowQualityScore, assessment.Codes);
    }

    [Fact]
    public void Broken_embeddings_are_hard_failures_even_for_good_text()
    {
        var text = "What is the difference between a process and a thread in an operating system?";
        var nan = Enumerable.Repeat(float.NaN, 384).ToArray();

        var assessment = _scorer.Assess(Of(text, nan), _empty);

        Assert.Equal(0, assessment.Score);
        Assert.Equal([QualityCodes.EmbeddingNotFinite, QualityCodes.LowQualityScore], assessment.Codes);
        Assert.Equal([QualityCodes.EmbeddingDimension, QualityCodes.EmbeddingZeroNorm, QualityCodes.LowQualityScore], _scorer.Assess(Of(text, new float[100]), _empty).Codes);
    }

    [Fact]
    public void Low_tfidf_fires_only_once_the_corpus_has_enough_documents()
    {
        var filler = "ok so yes I think that it is what it is and so on";
        var state = new ModelQualityState();
        for (var i = 0; i < 29; i++)
        {
            state.Learn(Of(filler + $" topic{i}"), TextQualitySignals.Of(filler + $" topic{i}"));
        }

        Assert.DoesNotContain(QualityCodes.LowTfIdf, _scorer.Assess(Of(filler), state).Codes);
        state.Learn(Of(filler), TextQualitySignals.Of(filler));

        var assessment = _scorer.Assess(Of(filler), state);
        Assert.Contains(QualityCodes.LowTfIdf, assessment.Codes);
        Assert.False(assessment.Accepted);
        Assert.DoesNotContain(QualityCodes.LowTfIdf, _scorer.Assess(Of("Could you explain how photosynthesis converts sunlight into chemical energy in plants?"), state).Codes);
    }
}
