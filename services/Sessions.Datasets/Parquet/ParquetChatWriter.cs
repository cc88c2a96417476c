using Parquet;
using Parquet.Serialization;

namespace Sessions.Datasets.Parquet;

/// <summary>
/// Writes chat rows to a Parquet file one row group per <see cref="RowGroupRows"/> rows, so memory holds one row
/// group however large the export. The file opens with the Hugging Face chat layout that <c>datasets</c> and pandas read.
/// </summary>
public static class ParquetChatWriter
{
    public const int RowGroupRows = 10_000;

    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteAsync(IAsyncEnumerable<ParquetChatRow> rows, Stream destination, CancellationToken ct = default)
    {
        var chunk = new List<ParquetChatRow>(RowGroupRows);
        long written = 0;
        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            chunk.Add(row);
            if (chunk.Count == RowGroupRows)
            {
                await FlushAsync(chunk, destination, append: written > 0, ct).ConfigureAwait(false);
                written += chunk.Count;
                chunk.Clear();
            }
        }

        if (chunk.Count > 0 || written == 0)
        {
            await FlushAsync(chunk, destination, append: written > 0, ct).ConfigureAwait(false);
            written += chunk.Count;
        }

        return written;
    }

    private static Task FlushAsync(List<ParquetChatRow> chunk, Stream destination, bool append, CancellationToken ct) =>
        ParquetSerializer.SerializeAsync(chunk, destination, new ParquetOptions { Append = append, RowGroupSize = RowGroupRows }, cancellationToken: ct);
}
