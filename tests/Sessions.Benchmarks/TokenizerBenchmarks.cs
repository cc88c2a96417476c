using BenchmarkDotNet.Attributes;
using Sessions.Embeddings.MiniLm;
using Sessions.Text.Tokenization;

namespace Sessions.Benchmarks;

/// <summary>Counting one chat-length message: the model's word pieces (embedding window) and tiktoken (example budgets).</summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private const string Message =
        "The increase comes from the extra storage volume you attached on October 12. Storage is billed per gigabyte-month, " +
        "so a full month of the new volume adds about thirty-eight dollars. You can see the line item under Storage.";

    [Benchmark]
    public int CountWordPieces() => BertTokenCounter.MiniLm.Count(Message);

    [Benchmark]
    public int CountO200kBase() => TiktokenTokenCounter.For(TiktokenTokenCounter.O200kBase).Count(Message);
}
