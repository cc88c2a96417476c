using BenchmarkDotNet.Attributes;
using Sessions.Embeddings;

namespace Sessions.Benchmarks;

/// <summary>The built-in lexical embedder on a batch of 32 chat-length texts (texts/s = 32 / mean).</summary>
[MemoryDiagnoser]
public class EmbedderBenchmarks
{
    private readonly LexicalHashingEmbeddingGenerator _embedder = new();
    private readonly string[] _batch = Enumerable.Range(0, 32)
        .Select(i => $"Message {i}: the invoice for October went up because the extra storage volume was attached on the twelfth, billed per gigabyte-month.")
        .ToArray();

    [Benchmark]
    public async Task<int> EmbedBatchOf32() => (await _embedder.GenerateAsync(_batch)).Count;
}
