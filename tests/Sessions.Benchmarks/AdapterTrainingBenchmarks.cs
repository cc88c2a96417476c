using BenchmarkDotNet.Attributes;
using Sessions.Trainer.Adapters;

namespace Sessions.Benchmarks;

/// <summary>
/// One epoch of linear-adapter training (384 dimensions, batch 32, in-batch negatives) at 10k and 100k pairs: the time
/// per epoch must grow linearly in pairs. Allocated memory is per epoch; the pairs themselves (2 × 384 floats each) are set up once.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class AdapterTrainingBenchmarks
{
    private const int Dimension = 384;
    private List<EmbeddingPair> _pairs = [];
    private readonly AdapterTrainer _trainer = new();

    [Params(10_000, 100_000)]
    public int Pairs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _pairs = Enumerable.Range(0, Pairs)
            .Select(i => new EmbeddingPair($"s{i / 4}", Vector(random), Vector(random)))
            .ToList();
    }

    [Benchmark]
    public double OneEpoch() => _trainer.Train(_pairs, new AdapterOptions { Epochs = 1 }).EpochLosses[0];

    private static float[] Vector(Random random)
    {
        var v = new float[Dimension];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return v;
    }
}
