using System.Text.Json;
using Sessions.Datasets.Parquet;

namespace Sessions.Admin.Commands;

/// <summary>Writes exported examples as JSON Lines or Parquet, streaming (one Parquet row group in memory at a time).</summary>
public static class ExportedRows
{
    public static async Task<long> WriteJsonLinesAsync(IAsyncEnumerable<ExportedRow> rows, string path, Action written, CancellationToken ct)
    {
        long count = 0;
        await using var writer = new StreamWriter(path);
        await foreach (var e in rows.WithCancellation(ct))
        {
            var reasons = e.RejectionReasonsJson is null ? "" : $",\"rejection_reasons\":{e.RejectionReasonsJson}";
            await writer.WriteLineAsync($"{{\"messages\":{e.MessagesJson},\"session_id\":{JsonSerializer.Serialize(e.SessionId)},\"status\":\"{e.Status}\"{reasons}}}");
            count++;
            written();
        }

        return count;
    }

    public static async Task<long> WriteParquetAsync(IAsyncEnumerable<ExportedRow> rows, string path, Action written, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        return await ParquetChatWriter.WriteAsync(AsParquet(rows, written, ct), file, ct);
    }

    private static async IAsyncEnumerable<ParquetChatRow> AsParquet(IAsyncEnumerable<ExportedRow> rows, Action written,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in rows.WithCancellation(ct))
        {
            written();
            yield return new ParquetChatRow
            {
                Messages = JsonSerializer.Deserialize<List<ParquetChatMessage>>(e.MessagesJson) ?? [],
                SessionId = e.SessionId,
                Status = e.Status,
                RejectionReasons = e.RejectionReasonsJson,
            };
        }
    }
}
