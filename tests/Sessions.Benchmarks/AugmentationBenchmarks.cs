using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Sessions.Validator.Augmentation;

namespace Sessions.Benchmarks;

/// <summary>EDA on one 30-word user turn at the paper's small-dataset setting (alpha 0.05, 16 copies), and the one-off lexicon load.</summary>
[MemoryDiagnoser]
public class AugmentationBenchmarks
{
    private const string UserTurn =
        "Hello, my monthly invoice suddenly went up after I attached the extra storage volume last week. " +
        "Could you explain which charges changed and how I can reduce the total cost?";

    private readonly EdaAugmenter _augmenter = new(new AugmentationOptions());
    private readonly EdaParameters _smallDataset = new EdaSchedule().For(500);

    [GlobalSetup]
    public void LoadLexicon() => _ = SynonymLexicon.WordNet.Count;

    [Benchmark]
    public int AugmentInto16Copies() => _augmenter.Augment(1, UserTurn, _smallDataset).Count;

    [Benchmark]
    public int ReadEmbeddedLexicon()
    {
        using var stream = typeof(SynonymLexicon).Assembly.GetManifestResourceStream("Sessions.Validator.Augmentation.wordnet-synonyms.txt.gz")!;
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        return SynonymLexicon.Read(reader).Count;
    }
}
