namespace Sessions.Datasets;

public enum DatasetFormat
{
    JsonLines,
    JsonArray,
    Csv,
}

/// <summary>Picks the format: the configured one (<c>jsonl</c>, <c>json</c>, <c>csv</c>) or else the file extension.</summary>
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
            "parquet" or "pq" => throw ParquetNotSupported.Error(fileName),
            _ => throw new DatasetImportException(ImportErrorCodes.UnsupportedFormat,
                $"'{fileName}': cannot tell the format from '{name}'; use .jsonl, .json or .csv, or set the format (jsonl, json, csv)."),
        };
    }
}

/// <summary>Parquet is named by the issue but has no reader here: Parquet.Net is not served by the package registry.</summary>
public static class ParquetNotSupported
{
    public static DatasetImportException Error(string source) => new(ImportErrorCodes.ParquetNotSupported,
        $"'{source}': Parquet input is not supported: no Parquet reader package is available in this build; convert to JSON Lines " +
        "(e.g. python -c \"import pandas as pd; pd.read_parquet('in.parquet').to_json('out.jsonl', orient='records', lines=True)\" " +
        "or duckdb -c \"COPY (SELECT * FROM 'in.parquet') TO 'out.jsonl' (FORMAT json)\").");
}
