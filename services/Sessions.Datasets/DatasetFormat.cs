namespace Sessions.Datasets;

public enum DatasetFormat
{
    JsonLines,
    JsonArray,
    Csv,
    Parquet,
}

/// <summary>Picks the format: the configured one (<c>jsonl</c>, <c>json</c>, <c>csv</c>, <c>parquet</c>) or else the file extension.</summary>
public static class DatasetFormats
{
    public static DatasetFormat Pick(string? configured, string fileName)
    {
        var name = configured?.Trim().TrimStart('.').ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            name = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        }
        return name switch
        {
            "jsonl" or "ndjson" or "jsonlines" => DatasetFormat.JsonLines,
            "json" => DatasetFormat.JsonArray,
            "csv" => DatasetFormat.Csv,
            "parquet" or "pq" => DatasetFormat.Parquet,
            _ => throw new DatasetImportException(ImportErrorCodes.UnsupportedFormat,
                $"'{fileName}': cannot tell the format from '{name}'; use .jsonl, .json, .csv or .parquet, or set the format (jsonl, json, csv, parquet)."),
        };
    }
}
