using System.Runtime.CompilerServices;
using Sessions.Datasets;
using Sessions.Datasets.Cleaning;
using Sessions.Datasets.Shuffling;
using Sessions.Datasets.Sources;

namespace Sessions.Contributions;

/// <summary>
/// The rows of one import, read like <see cref="ContributedDatasetReader.ReadAsync"/> does (per-file reader, embedding
/// cleaning, optional seeded shuffle) but through a <see cref="MeteredStream"/>, so progress can show bytes read.
/// </summary>
public sealed class ContributedRows(DatasetImportOptions options, IReadOnlyList<ImportSource> sources, ContributedDatasetReader reader)
{
    // One client for every http(s) source; no overall timeout, since a large file streams for as long as it takes.
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private long _finishedBytes;
    private MeteredStream? _current;

    public long BytesRead => _finishedBytes + (_current?.BytesRead ?? 0);

    /// <summary>Resolves the source now: not found, outside the import roots, unsupported format... throw <see cref="DatasetImportException"/> here.</summary>
    public static ContributedRows Open(DatasetImportOptions options, string source)
    {
        var reader = new ContributedDatasetReader(options, Http);
        return new ContributedRows(options, reader.ResolveSources(source), reader);
    }

    public IAsyncEnumerable<RowResult> ReadAsync(CancellationToken ct)
    {
        var rows = CleanedAsync(ct);
        return options.ShuffleSeed is { } seed ? SeededShuffle.ShuffleAsync(rows, seed, options.ShuffleBufferRows, ct) : rows;
    }

    private async IAsyncEnumerable<RowResult> CleanedAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var cleaner = new EmbeddingCleaner(options.Embeddings); // one per import: dimension and fill_mean span all its files
        foreach (var source in sources)
        {
            var rowReader = reader.ReaderFor(source);
            var stream = new MeteredStream(await source.OpenAsync(ct));
            _current = stream;
            await using (stream)
            {
                await foreach (var result in rowReader.ReadAsync(stream, source.Name, ct))
                {
                    yield return result.IsAccepted ? cleaner.Clean(result.Row) : result;
                }
            }

            _finishedBytes += stream.BytesRead;
            _current = null;
        }
    }
}
