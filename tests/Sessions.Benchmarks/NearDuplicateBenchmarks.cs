using BenchmarkDotNet.Attributes;
using Sessions.Deduplication;
using Sessions.UnitTests.Deduplication;

namespace Sessions.Benchmarks;

/// <summary>
/// One near-duplicate check of a chat-length text (~80 words) against corpora of 10k, 100k and 1M accepted examples.
/// The first 10,000 stored examples are real texts; the rest are random signatures with their band keys (fingerprinting
/// a million texts would only slow the setup down: a lookup sees band keys and signatures, not texts).
/// </summary>
[MemoryDiagnoser]
public class NearDuplicateBenchmarks
{
    private const int RealTexts = 10_000;

    private NearDuplicateIndex _index = null!;
    private string _newText = null!;
    private string _nearCopy = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int CorpusSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new DeduplicationOptions();
        var store = new InMemoryNearDuplicateStore(CorpusSize, options.Bands);
        _index = new NearDuplicateIndex(options, store);
        var random = new Random(42);
        var vocabulary = LabeledPairs.Vocabulary(random, 4000);
        List<string> Words() => [.. Enumerable.Range(0, random.Next(60, 100)).Select(_ => vocabulary[random.Next(vocabulary.Length)])];

        List<string> stored = [];
        for (var id = 0; id < Math.Min(RealTexts, CorpusSize); id++)
        {
            stored = Words();
            _index.Add(id, LabeledPairs.Render(stored, random));
        }

        var bands = new LshBands(options.Bands, options.Rows);
        for (var id = RealTexts; id < CorpusSize; id++)
        {
            var values = new uint[options.Permutations];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (uint)random.NextInt64(0, 1L << 32);
            }

            var signature = new MinHashSignature(values);
            store.Add(id, signature, bands.Keys(signature));
        }

        stored[stored.Count / 2] = "replaced";
        _nearCopy = LabeledPairs.Render(stored, random);
        _newText = LabeledPairs.Render(Words(), random);
        if (_index.Check(_nearCopy) is null || _index.Check(_newText) is not null || store.Count != CorpusSize)
        {
            throw new InvalidOperationException("The benchmark corpus does not behave as intended.");
        }
    }

    /// <summary>Shingling and MinHash alone: the part of a check that does not touch the store.</summary>
    [Benchmark(Baseline = true)]
    public int Fingerprint() => _index.Fingerprint(_newText).ShingleCount;

    [Benchmark]
    public long? Check_NewText() => _index.Check(_newText)?.ExampleId;

    [Benchmark]
    public long? Check_NearCopy() => _index.Check(_nearCopy)?.ExampleId;
}
