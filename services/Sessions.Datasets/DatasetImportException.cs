namespace Sessions.Datasets;

/// <summary>
/// An error that stops the whole import (as opposed to a <see cref="RowRejection"/>): a source that cannot be opened
/// or is not allowed, an unsupported format, a file whose structure is broken beyond one row.
/// <see cref="Code"/> is one of <see cref="ImportErrorCodes"/>.
/// </summary>
public sealed class DatasetImportException(string code, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;
}

/// <summary>Stable snake_case codes of errors that fail the whole import.</summary>
public static class ImportErrorCodes
{
    public const string SourceNotFound = "source_not_found";
    public const string OutsideImportRoots = "outside_import_roots";
    public const string DirectoryWithoutGlob = "directory_without_glob";
    public const string NoMatchingFiles = "no_matching_files";
    public const string UnsupportedFormat = "unsupported_format";
    public const string ParquetInvalid = "parquet_invalid";
    public const string ParquetColumns = "parquet_columns";
    public const string HttpFailed = "http_failed";
    public const string JsonArrayNotClosed = "json_array_not_closed";
    public const string JsonArrayMalformed = "json_array_malformed";
    public const string CsvHeader = "csv_header";
    public const string RowTooLarge = "row_too_large";
    public const string SchemaInvalid = "schema_invalid";
}
