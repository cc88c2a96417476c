using System.Text.Json;
using Sessions.Validator.Quality;

namespace Sessions.UnitTests.Quality;

public class StatisticsAndEmbeddingTests
{
    private static readonly QualityOptions Options = new();

    [Fact]
    public void Welford_matches_the_two_pass_mean_and_sample_deviation()
    {
        var random = new Random(42);
        var values = Enumerable.Range(0, 1000).Select(_ => 1e6 + (random.NextDouble() * 10)).ToArray();
        var statistics = new RunningStatistics();
        foreach (var value in values)
        {
            statistics.Add(value);
        }

        var mean = values.Average();
        var deviation = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        Assert.Equal(mean, statistics.Mean, 6);
        Assert.Equal(deviation, statistics.StandardDeviation, 6);
        Assert.Equal(2.0, statistics.ZScore(mean + (2 * deviation)), 6);
    }

    [Fact]
    public void Running_statistics_ignore_non_finite_values_and_round_trip()
    {
        var statistics = new RunningStatistics();
        statistics.Add(1);
        statistics.Add(double.NaN);
        statistics.Add(3);

        var restored = RunningStatistics.FromSnapshot(JsonSerializer.Deserialize<RunningStatisticsSnapshot>(JsonSerializer.Serialize(statistics.ToSnapshot()))!);

        Assert.Equal(2, restored.Count);
        Assert.Equal(2.0, restored.Mean);
        Assert.Equal(statistics.StandardDeviation, restored.StandardDeviation);
    }

    [Fact]
    public void The_centroid_is_the_running_mean_and_distance_is_one_minus_cosine()
    {
        var centroid = new EmbeddingCentroid();
        centroid.Add(new float[] { 1, 0 });
        centroid.Add(new float[] { 0, 1 });

        Assert.Equal(2, centroid.Dimension);
        Assert.Equal(0.0, centroid.DistanceTo(new float[] { 1, 1 })!.Value, 6);
        Assert.Equal(1.0, centroid.DistanceTo(new float[] { 1, -1 })!.Value, 6);
        Assert.Null(centroid.DistanceTo(new float[] { 1, 1, 1 }));
        Assert.Equal(1, centroid.Distances.Count); // the first embedding had no centroid to be measured against
    }

    [Fact]
    public void The_centroid_round_trips_through_json()
    {
        var centroid = new EmbeddingCentroid();
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            centroid.Add(Enumerable.Range(0, 384).Select(_ => (float)random.NextDouble()).ToArray());
        }

        var restored = EmbeddingCentroid.FromSnapshot(JsonSerializer.Deserialize<EmbeddingCentroidSnapshot>(JsonSerializer.Serialize(centroid.ToSnapshot()))!);
        var probe = Enumerable.Range(0, 384).Select(i => (float)(i % 3)).ToArray();

        Assert.Equal(centroid.Count, restored.Count);
        Assert.Equal(centroid.DistanceTo(probe), restored.DistanceTo(probe));
        Assert.Equal(centroid.Distances.Mean, restored.Distances.Mean);
    }

    [Theory]
    [InlineData(383, "embedding_dimension")]
    [InlineData(769, "embedding_dimension")]
    [InlineData(384, null)]
    [InlineData(768, null)]
    public void Embedding_dimension_must_be_384_to_768(int dimension, string? code)
    {
        var reasons = EmbeddingChecks.Check(Enumerable.Repeat(0.1f, dimension).ToArray(), Options);

        Assert.Equal(code is null ? Array.Empty<string>() : new[] { code }, reasons.Select(r => r.Code));
    }

    [Fact]
    public void Non_finite_and_zero_embeddings_are_named()
    {
        var withNaN = Enumerable.Repeat(0.1f, 384).ToArray();
        withNaN[5] = float.NaN;
        withNaN[9] = float.PositiveInfinity;

        Assert.Equal([QualityCodes.EmbeddingNotFinite], EmbeddingChecks.Check(withNaN, Options).Select(r => r.Code));
        Assert.Contains("2 components", EmbeddingChecks.Check(withNaN, Options)[0].Detail);
        Assert.Equal([QualityCodes.EmbeddingZeroNorm], EmbeddingChecks.Check(new float[384], Options).Select(r => r.Code));
        Assert.Equal([QualityCodes.EmbeddingDimension, QualityCodes.EmbeddingZeroNorm], EmbeddingChecks.Check([], Options).Select(r => r.Code));
    }
}
