using System.Runtime.CompilerServices;
using Parquet;
using Sessions.Datasets.Reading;

namespace Sessions.Datasets.Parquet;

/// <summary>
/// Reads a Parquet file row group by row group (memory bounded by one row group's columns), mapping each row to chat
/// format and applying the checks every format gets (<see cref="ChatRules"/>, weight, embedding). A file that is not
/// Parquet or has a broken footer, and missing or wrongly typed columns, fail the whole file; a null inside a row's
/// messages rejects that row. A source that cannot seek (http) is spooled to a temporary file first.
/// </summary>
public sealed class ParquetRowReader : IRowReader
{
    public async IAsyncEnumerable<RowResult> ReadAsync(Stream stream, string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var spooled = stream.CanSeek ? null : await SpoolAsync(stream, cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = await OpenAsync(spooled ?? stream, source, cancellationToken).ConfigureAwait(false);
            await using var _ = reader.ConfigureAwait(false);
            var layout = ParquetLayout.Of(reader.Schema, source);
            long rowNumber = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                ParquetRowGroup rows;
                try
                {
                    using var group = reader.OpenRowGroupReader(g);
                    rows = await ParquetRowGroup.ReadAsync(group, layout, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (IsBrokenFile(e))
                {
                    throw new DatasetImportException(ImportErrorCodes.ParquetInvalid, $"'{source}': row group {g + 1} cannot be read: {e.Message}", e);
                }

                for (var i = 0; i < rows.Count; i++)
                {
                    yield return rows.Map(i, source, ++rowNumber);
                }
            }
        }
        finally
        {
            if (spooled is not null) await spooled.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<ParquetReader> OpenAsync(Stream stream, string source, CancellationToken ct)
    {
        try
        {
            return await ParquetReader.CreateAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception e) when (IsBrokenFile(e))
        {
            throw new DatasetImportException(ImportErrorCodes.ParquetInvalid, $"'{source}' is not a readable Parquet file: {e.Message}", e);
        }
    }

    // A corrupt footer or page surfaces as whatever the decoder tripped over (thrift, decompression, bounds); all of
    // them mean the same to the importer. Cancellation and our own column errors pass through.
    private static bool IsBrokenFile(Exception e) => e is not (OperationCanceledException or DatasetImportException or OutOfMemoryException);

    private static async Task<Stream> SpoolAsync(Stream stream, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await stream.CopyToAsync(file, ct).ConfigureAwait(false);
        file.Position = 0;
        return file;
    }
}
