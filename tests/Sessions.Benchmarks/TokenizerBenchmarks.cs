using BenchmarkDotNet.Attributes;
using Sessions.Text.Tokenization;

namespace Sessions.Benchmarks;

/// <summary>Exact WordPiece counting of one chat-length message.</summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private const string Message =
        "The increase comes from the extra storage volume you attached on October 12. Storage is billed per gigabyte-month, " +
        "so a full month of the new volume adds about thirty-eight dollars. You can see the line item under Storage.";

    [Benchmark]
    public int CountTokens() => WordPieceTokenizer.BertBaseUncased.Count(Message);
}
