using System.Numerics.Tensors;
using Sessions.Trainer.Adapters;
using Sessions.Trainer.Folds;
using Xunit.Abstractions;

namespace Sessions.UnitTests.Adapters;

public class AdapterTrainerTests(ITestOutputHelper output)
{
    private readonly AdapterTrainer _trainer = new();

    [Theory]
    [InlineData(64, 2.0)]
    [InlineData(384, 3.0)]
    public void A_trained_adapter_ranks_held_out_sessions_better_than_the_base(int dimension, double nuisance)
    {
        var pairs = SyntheticPairs.Generate(dimension, sessions: 500, pairsPerSession: 4, nuisance, seed: 7);
        var folds = new GroupedFolds(5, 42);
        var train = pairs.Where(p => !folds.IsValidation(p.GroupId)).ToList();
        var validation = pairs.Where(p => folds.IsValidation(p.GroupId)).ToList();
        Assert.Empty(train.Select(p => p.GroupId).Intersect(validation.Select(p => p.GroupId)));

        var result = _trainer.Train(train, new AdapterOptions());
        var before = RetrievalMetrics.Evaluate(validation, x => x);
        var after = RetrievalMetrics.Evaluate(validation, x => result.Adapter.Apply(x));

        var report = $"d={dimension} train={train.Count} validation={validation.Count}\n"
            + $"base    R@1={before.RecallAt1:F3} R@5={before.RecallAt5:F3} MRR@10={before.MrrAt10:F3}\n"
            + $"adapter R@1={after.RecallAt1:F3} R@5={after.RecallAt5:F3} MRR@10={after.MrrAt10:F3}\n"
            + $"epoch losses {string.Join(", ", result.EpochLosses.Select(l => l.ToString("F4")))}";
        output.WriteLine(report);
        TestReports.Write($"linear-adapter-{dimension}", report);
        Assert.True(after.MrrAt10 >= before.MrrAt10 + 0.1, report);
        Assert.True(after.RecallAt1 > before.RecallAt1, report);
        Assert.True(result.EpochLosses[^1] < result.EpochLosses[0], report);
    }

    [Fact]
    public void Before_training_the_adapter_is_the_normalized_base_embedding()
    {
        var x = new float[] { 3, -4, 0, 12 };
        Assert.Equal([3f / 13, -4f / 13, 0, 12f / 13], LinearAdapter.Identity(4).Apply(x));
    }

    [Fact]
    public void A_saved_adapter_loads_with_identical_outputs()
    {
        var pairs = SyntheticPairs.Generate(16, sessions: 20, pairsPerSession: 4, nuisance: 2, seed: 3);
        var adapter = _trainer.Train(pairs, new AdapterOptions { Epochs = 2 }).Adapter;
        using var stream = new MemoryStream();
        adapter.Save(stream);
        stream.Position = 0;

        var loaded = LinearAdapter.Load(stream);

        Assert.Equal(adapter.Dimension, loaded.Dimension);
        Assert.Equal(adapter.Weights.ToArray(), loaded.Weights.ToArray());
        Assert.All(pairs, p => Assert.Equal(adapter.Apply(p.Query), loaded.Apply(p.Query)));
        Assert.False(adapter.Weights.SequenceEqual(LinearAdapter.Identity(16).Weights)); // training moved it
    }

    [Fact]
    public void Loading_something_that_is_not_an_adapter_fails_clearly()
    {
        var ex = Assert.Throws<InvalidDataException>(() => LinearAdapter.Load(new MemoryStream("not an adapter"u8.ToArray())));
        Assert.Contains("LADP", ex.Message);
    }

    [Theory]
    [InlineData(0, "Epochs")]
    [InlineData(100000, "Epochs")]
    public void Epochs_outside_one_to_a_thousand_are_rejected(int epochs, string named) =>
        AssertRejected(SyntheticPairs.Generate(8, 4, 2, 1, 1), new AdapterOptions { Epochs = epochs }, named);

    [Fact]
    public void A_batch_of_one_has_no_negatives_and_is_rejected() =>
        AssertRejected(SyntheticPairs.Generate(8, 4, 2, 1, 1), new AdapterOptions { BatchSize = 1 }, "Batch size");

    [Fact]
    public void No_pairs_are_rejected() => AssertRejected([], new AdapterOptions(), "No training pairs");

    [Fact]
    public void A_nan_in_a_vector_is_rejected()
    {
        var pairs = SyntheticPairs.Generate(8, 4, 2, 1, 1);
        pairs[3].Target[5] = float.NaN;
        AssertRejected(pairs, new AdapterOptions(), "Pair 3 target contains NaN");
    }

    [Fact]
    public void Vectors_of_another_dimension_are_rejected()
    {
        var pairs = SyntheticPairs.Generate(8, 4, 2, 1, 1);
        pairs.Add(pairs[0] with { Query = new float[7] });
        AssertRejected(pairs, new AdapterOptions(), "Dimension mismatch: pair 8 query has dimension 7, expected 8");
    }

    [Theory]
    [InlineData(100, 32, 4)]
    [InlineData(96, 32, 3)]
    [InlineData(33, 32, 2)]
    public void Each_epoch_visits_every_pair_once_in_ceil_n_over_b_batches(int pairs, int batchSize, int batches)
    {
        var data = SyntheticPairs.Generate(8, pairs, 1, 1, 1);
        var result = _trainer.Train(data, new AdapterOptions { BatchSize = batchSize, Epochs = 2 });
        Assert.Equal([batches, batches], result.BatchesPerEpoch);
    }

    [Fact]
    public void The_analytic_gradient_matches_finite_differences()
    {
        var random = new Random(5);
        var batch = SyntheticPairs.Generate(6, 5, 1, 1, 2);
        var weights = LinearAdapter.Identity(6).Weights.ToArray();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] += (float)(random.NextDouble() - 0.5) * 0.6f;
        }

        var gradient = new float[weights.Length];
        AdapterTrainer.BatchLoss(LinearAdapter.FromWeights(weights), batch, 0.3, gradient);
        const float h = 1e-2f;
        for (var i = 0; i < weights.Length; i++)
        {
            var plus = weights.ToArray();
            var minus = weights.ToArray();
            plus[i] += h;
            minus[i] -= h;
            var numeric = (AdapterTrainer.BatchLoss(LinearAdapter.FromWeights(plus), batch, 0.3)
                - AdapterTrainer.BatchLoss(LinearAdapter.FromWeights(minus), batch, 0.3)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) < 1e-3, $"weight {i}: analytic {gradient[i]}, numeric {numeric}");
        }
    }

    [Fact]
    public void The_same_seed_trains_the_same_adapter()
    {
        var pairs = SyntheticPairs.Generate(16, 30, 3, 2, 4);
        var first = _trainer.Train(pairs, new AdapterOptions { Epochs = 2, Seed = 9 });
        var second = _trainer.Train(pairs, new AdapterOptions { Epochs = 2, Seed = 9 });
        Assert.Equal(first.Adapter.Weights.ToArray(), second.Adapter.Weights.ToArray());
        Assert.Equal(first.EpochLosses, second.EpochLosses);
    }

    private void AssertRejected(List<EmbeddingPair> pairs, AdapterOptions options, string named)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => _trainer.Train(pairs, options));
        Assert.Contains(named, ex.Message);
    }
}

/// <summary>
/// Pairs whose base embeddings are mediocre in a way a linear map can fix. Each pair's meaning lives in a quarter of the
/// dimensions (its session's topic plus its own detail); on top of it, query and target each carry a large, independent
/// nuisance component in the other dimensions and the queries share one strong common direction. The whole space is then
/// rotated at random, so the useful subspace is not axis-aligned.
/// </summary>
internal static class SyntheticPairs
{
    public static List<EmbeddingPair> Generate(int dimension, int sessions, int pairsPerSession, double nuisance, int seed)
    {
        var random = new Random(seed);
        var signal = dimension / 4;
        var rotation = RandomRotation(dimension, random);
        var common = Component(random, dimension, signal, dimension, 2f);
        var topics = Enumerable.Range(0, Math.Max(8, sessions / 4)).Select(_ => Component(random, dimension, 0, signal, 1f)).ToArray();
        var pairs = new List<EmbeddingPair>(sessions * pairsPerSession);
        for (var s = 0; s < sessions; s++)
        {
            var topic = topics[random.Next(topics.Length)];
            for (var p = 0; p < pairsPerSession; p++)
            {
                var meaning = Sum(topic, Component(random, dimension, 0, signal, 0.8f));
                var query = Sum(meaning, Component(random, dimension, 0, dimension, 0.3f), Component(random, dimension, signal, dimension, (float)nuisance), common);
                var target = Sum(meaning, Component(random, dimension, 0, dimension, 0.3f), Component(random, dimension, signal, dimension, (float)nuisance));
                pairs.Add(new EmbeddingPair($"session-{s}", Rotate(rotation, query), Rotate(rotation, target)));
            }
        }

        return pairs;
    }

    /// <summary>A random direction within dimensions [from, to), scaled to the given length.</summary>
    private static float[] Component(Random random, int dimension, int from, int to, float length)
    {
        var v = new float[dimension];
        for (var i = from; i < to; i++)
        {
            v[i] = Gaussian(random);
        }

        TensorPrimitives.Multiply(v, length / TensorPrimitives.Norm(v), v);
        return v;
    }

    private static float[] Sum(params float[][] parts)
    {
        var total = new float[parts[0].Length];
        foreach (var part in parts)
        {
            TensorPrimitives.Add(total, part, total);
        }

        return total;
    }

    private static float[] Rotate(float[][] rotation, float[] v)
    {
        var y = rotation.Select(row => TensorPrimitives.Dot(row, v)).ToArray();
        TensorPrimitives.Divide(y, TensorPrimitives.Norm(y), y);
        return y;
    }

    private static float[][] RandomRotation(int dimension, Random random)
    {
        var rows = new float[dimension][];
        for (var i = 0; i < dimension; i++)
        {
            var v = Component(random, dimension, 0, dimension, 1f);
            for (var j = 0; j < i; j++)
            {
                TensorPrimitives.MultiplyAdd(rows[j], -TensorPrimitives.Dot(v, rows[j]), v, v);
            }

            TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
            rows[i] = v;
        }

        return rows;
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
