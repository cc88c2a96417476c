using Sessions.Datasets.Cleaning;
using Sessions.Datasets.Reading;

namespace Sessions.Datasets;

/// <summary>
/// Settings of the reading half of an import (configuration section suggestion: <c>Datasets:Import</c>).
/// Every default lives here.
/// </summary>
public sealed class DatasetImportOptions
{
    public const string DefaultImportRoot = "data/imports";

    /// <summary>
    /// Folders a local source must lie in (after resolving <c>..</c> and symlinks); relative to the base directory.
    /// Empty means <see cref="DefaultImportRoot"/>. The default is not pre-filled because the configuration binder
    /// appends to a list, which would keep the default root allowed next to the configured ones.
    /// </summary>
    public IList<string> ImportRoots { get; set; } = [];

    public IReadOnlyList<string> EffectiveImportRoots => ImportRoots.Count > 0 ? [.. ImportRoots] : [DefaultImportRoot];

    /// <summary><c>jsonl</c>, <c>json</c>, <c>csv</c> or <c>parquet</c>; null picks by file extension.</summary>
    public string? Format { get; set; }

    /// <summary>A row (line, array element, CSV record) larger than this is rejected with <c>row_too_large</c>.</summary>
    public int MaxRowBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>A JSON Schema file (any draft JsonSchema.Net evaluates; <see cref="Schemas.RowSchema"/>) used for every JSON row instead of the shipped defaults.</summary>
    public string? SchemaPath { get; set; }

    /// <summary>Header and stall limits of http(s) sources.</summary>
    public Sources.HttpTimeouts Http { get; set; } = new();

    /// <summary>How CSV columns map to chat messages.</summary>
    public CsvColumnMapping Csv { get; set; } = new();

    public EmbeddingCleaningOptions Embeddings { get; set; } = new();

    /// <summary>Seed of the optional shuffle; null keeps file order.</summary>
    public int? ShuffleSeed { get; set; }

    /// <summary>Rows held by the shuffle buffer (bounds memory; see <see cref="Shuffling.SeededShuffle"/>).</summary>
    public int ShuffleBufferRows { get; set; } = 10_000;
}
