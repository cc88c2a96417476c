using System.Runtime.CompilerServices;
using Sessions.Datasets.Cleaning;
using Sessions.Datasets.Parquet;
using Sessions.Datasets.Reading;
using Sessions.Datasets.Schemas;
using Sessions.Datasets.Shuffling;
using Sessions.Datasets.Sources;

namespace Sessions.Datasets;

/// <summary>
/// The reading half of one import: resolve the source (checked against the import roots), read each file with the
/// reader for its format (schema check and chat mapping included), clean embeddings, optionally shuffle. Yields every
/// row or rejection; throws <see cref="DatasetImportException"/> for errors that fail the whole import. Dedupe,
/// redaction, merging and the all-or-nothing commit are the caller's.
/// </summary>
public sealed class ContributedDatasetReader
{
    private readonly DatasetImportOptions options;
    private readonly ImportSourceResolver resolver;
    private readonly JsonRowMapper mapper;

    public ContributedDatasetReader(DatasetImportOptions options, HttpClient? httpClient = null, string? baseDirectory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRowBytes, 1, nameof(options.MaxRowBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ShuffleBufferRows, 1, nameof(options.ShuffleBufferRows));
        if (options.Csv.Delimiter is > '\x7F' or '"' or '\r' or '\n')
            throw new ArgumentException($"The CSV delimiter must be an ASCII character other than a quote or a line end, not '{options.Csv.Delimiter}'.", nameof(options));
        _ = new EmbeddingCleaner(options.Embeddings); // an unknown NaN/Inf strategy fails here, not at the first row
        this.options = options;
        Roots = new ImportRoots(options.EffectiveImportRoots, baseDirectory);
        resolver = new ImportSourceResolver(Roots, httpClient, options.Http);
        // A schema file is admin-supplied like a source: it must lie under the import roots (Roots.Check throws otherwise).
        mapper = new JsonRowMapper(options.SchemaPath is null ? null : RowSchema.Load(Roots.Check(options.SchemaPath)));
        if (options.Format is not null) DatasetFormats.Pick(options.Format, options.Format); // a bad format fails before anything is read
    }

    public ImportRoots Roots { get; }

    /// <summary>The files <paramref name="source"/> names; call first to fail fast (not found, outside the roots, unknown format...).</summary>
    public IReadOnlyList<ImportSource> ResolveSources(string source)
    {
        var sources = resolver.Resolve(source);
        foreach (var file in sources) DatasetFormats.Pick(options.Format, file.FileName);
        return sources;
    }

    public IRowReader ReaderFor(ImportSource source) => DatasetFormats.Pick(options.Format, source.FileName) switch
    {
        DatasetFormat.JsonLines => new JsonLinesRowReader(mapper, options.MaxRowBytes),
        DatasetFormat.JsonArray => new JsonArrayRowReader(mapper, options.MaxRowBytes),
        DatasetFormat.Parquet => new ParquetRowReader(),
        _ => new CsvRowReader(options.Csv, options.MaxRowBytes),
    };

    /// <summary>All rows of all files <paramref name="source"/> names, in file order (or shuffled when <c>ShuffleSeed</c> is set).</summary>
    public IAsyncEnumerable<RowResult> ReadAsync(string source, CancellationToken cancellationToken = default)
    {
        var rows = CleanedRowsAsync(ResolveSources(source), cancellationToken);
        return options.ShuffleSeed is { } seed ? SeededShuffle.ShuffleAsync(rows, seed, options.ShuffleBufferRows, cancellationToken) : rows;
    }

    private async IAsyncEnumerable<RowResult> CleanedRowsAsync(
        IReadOnlyList<ImportSource> sources, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cleaner = new EmbeddingCleaner(options.Embeddings); // one per import: dimension and fill_mean span all its files
        foreach (var source in sources)
        {
            var reader = ReaderFor(source);
            var stream = await source.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await foreach (var result in reader.ReadAsync(stream, source.Name, cancellationToken).ConfigureAwait(false))
                {
                    yield return result.IsAccepted ? cleaner.Clean(result.Row) : result;
                }
            }
        }
    }
}
