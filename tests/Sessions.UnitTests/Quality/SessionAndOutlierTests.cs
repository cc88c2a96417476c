using System.Text.Json;
using Sessions.Validator.Quality;
using static Sessions.UnitTests.Quality.QualityTestInputs;

namespace Sessions.UnitTests.Quality;

public class SessionAndOutlierTests
{
    private const string Good = "Could you explain how photosynthesis turns sunlight into chemical energy inside green plants?";
    private readonly QualityScorer _scorer = new(new QualityOptions());

    [Fact]
    public void Session_duplicate_ratio_counts_repeats_after_the_first_of_normalized_texts()
    {
        Assert.Equal(1 / 3.0, QualityScorer.SessionDuplicateRatio(["Hello there", "  HELLO   there ", "bye"]));
        Assert.Equal(0, QualityScorer.SessionDuplicateRatio([]));
    }

    [Fact]
    public void A_session_above_the_duplicate_ratio_rejects_every_example_of_it()
    {
        var other = "What is the best way to learn a new programming language when you already know Python well?";
        var assessments = _scorer.AssessSession([Of(Good), Of(Good), Of(other), Of(Good.ToUpperInvariant())], new ModelQualityState());

        Assert.All(assessments, a =>
        {
            Assert.False(a.Accepted);
            Assert.Equal([QualityCodes.SessionDuplicateRatio, QualityCodes.LowQualityScore], a.Codes);
            Assert.Equal(0.65, a.Score);
        });
    }

    [Fact]
    public void A_session_at_the_duplicate_ratio_passes()
    {
        var texts = Enumerable.Range(0, 7).Select(i => $"{Good} Question number {i}.").Concat([Good, Good, Good]).ToList();

        var assessments = _scorer.AssessSession(texts.Select(t => Of(t)).ToList(), new ModelQualityState());

        Assert.Equal(0.2, QualityScorer.SessionDuplicateRatio(texts));
        Assert.All(assessments, a => Assert.True(a.Accepted));
    }

    [Fact]
    public void Length_outliers_are_flagged_only_after_enough_samples_and_alone_do_not_reject()
    {
        var random = new Random(42);
        var state = new ModelQualityState();
        var longText = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"word{i}"));
        for (var i = 0; i < 29; i++)
        {
            Learn(state, Of(Varied(random)) with { TokenCount = 20 + random.Next(10) });
        }

        Assert.DoesNotContain(QualityCodes.LengthOutlier, _scorer.Assess(Of(Good) with { TokenCount = 500 }, state).Codes);
        Learn(state, Of(Varied(random)) with { TokenCount = 25 });

        var outlier = _scorer.Assess(Of(Good) with { TokenCount = 500 }, state);
        Assert.Equal([QualityCodes.LengthOutlier], outlier.Codes);
        Assert.True(outlier.Accepted);
        Assert.Equal(0.85, outlier.Score);
        Assert.Empty(_scorer.Assess(Of(Good) with { TokenCount = 24 }, state).Reasons);
    }

    [Fact]
    public void An_embedding_far_from_the_centroid_is_flagged_and_with_a_length_outlier_sits_at_the_threshold()
    {
        var random = new Random(42);
        var state = new ModelQualityState();
        for (var i = 0; i < 40; i++)
        {
            Learn(state, Of(Varied(random), Embedding(random, axis: 0)) with { TokenCount = 20 + random.Next(10) });
        }

        var near = _scorer.Assess(Of(Good, Embedding(random, axis: 0)) with { TokenCount = 25 }, state);
        var far = _scorer.Assess(Of(Good, Embedding(random, axis: 200)) with { TokenCount = 25 }, state);
        var both = _scorer.Assess(Of(Good, Embedding(random, axis: 200)) with { TokenCount = 500 }, state);

        Assert.DoesNotContain(QualityCodes.EmbeddingOutlier, near.Codes);
        Assert.Equal([QualityCodes.EmbeddingOutlier], far.Codes);
        Assert.Equal(0.85, far.Score);
        Assert.Equal(0.7, both.Score);
        Assert.True(both.Accepted);
    }

    [Fact]
    public void An_embedding_of_another_dimension_than_the_models_is_a_hard_failure()
    {
        var random = new Random(1);
        var state = new ModelQualityState();
        Learn(state, Of(Good, Embedding(random, 0, dimension: 384)));

        var assessment = _scorer.Assess(Of(Good, Embedding(random, 0, dimension: 768)), state);

        Assert.Equal([QualityCodes.EmbeddingDimension, QualityCodes.LowQualityScore], assessment.Codes);
        Assert.Contains("the model's embeddings have 384", assessment.Reasons[0].Detail);
    }

    [Fact]
    public void The_whole_model_state_round_trips_through_json()
    {
        var random = new Random(3);
        var state = new ModelQualityState();
        foreach (var text in ChatQualityLabeledSet.Good)
        {
            Learn(state, Of(text, Embedding(random, random.Next(3))));
        }

        var json = JsonSerializer.Serialize(state.ToSnapshot());
        var restored = ModelQualityState.FromSnapshot(JsonSerializer.Deserialize<ModelQualitySnapshot>(json)!);
        var probe = Of(Good, Embedding(random, 100)) with { TokenCount = 300 };

        Assert.Equal(_scorer.Assess(probe, state), _scorer.Assess(probe, restored), new AssessmentComparer());
        Assert.Equal(state.Documents.DocumentCount, restored.Documents.DocumentCount);
        Assert.Equal(state.LogLengths.ToSnapshot(), restored.LogLengths.ToSnapshot());
    }

    private static void Learn(ModelQualityState state, QualityInput input) => state.Learn(input, TextQualitySignals.Of(input.Text));

    private sealed class AssessmentComparer : IEqualityComparer<QualityAssessment>
    {
        public bool Equals(QualityAssessment? x, QualityAssessment? y) =>
            x!.Score == y!.Score && x.Accepted == y.Accepted && x.Reasons.SequenceEqual(y.Reasons);

        public int GetHashCode(QualityAssessment obj) => obj.Score.GetHashCode();
    }
}
