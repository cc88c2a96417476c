namespace Sessions.Datasets.Sources;

/// <summary>
/// Turns what a user typed into the files to read: a file path, a directory with a glob in the file name
/// (<c>data/imports/*.jsonl</c>, files in name order), a <c>file://</c> URI, or an <c>http(s)://</c> URL.
/// Every local file is checked against <see cref="ImportRoots"/>; problems are <see cref="DatasetImportException"/>s.
/// </summary>
public sealed class ImportSourceResolver(ImportRoots roots, HttpClient? httpClient = null, HttpTimeouts? httpTimeouts = null)
{
    public IReadOnlyList<ImportSource> Resolve(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(source, UriKind.Absolute, out var url))
                throw new DatasetImportException(ImportErrorCodes.SourceNotFound, $"'{source}' is not a valid URL.");
            if (httpClient is null)
                throw new DatasetImportException(ImportErrorCodes.HttpFailed, $"'{source}': downloads are not enabled here (no HttpClient was given).");
            return [new HttpImportSource(url, httpClient, httpTimeouts)];
        }
        var path = source;
        if (source.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || !uri.IsFile)
                throw new DatasetImportException(ImportErrorCodes.SourceNotFound, $"'{source}' is not a valid file:// URI.");
            path = uri.LocalPath;
        }
        else if (source.Contains("://", StringComparison.Ordinal))
        {
            throw new DatasetImportException(ImportErrorCodes.UnsupportedFormat, $"'{source}': only files, file:// URIs and http(s):// URLs can be imported.");
        }

        var fileName = Path.GetFileName(path);
        return fileName.AsSpan().IndexOfAny('*', '?') >= 0 ? Glob(path, fileName) : [SingleFile(path)];
    }

    private FileImportSource SingleFile(string path)
    {
        var full = roots.Check(path);
        if (Directory.Exists(full))
        {
            throw new DatasetImportException(ImportErrorCodes.DirectoryWithoutGlob,
                $"'{path}' is a directory; name the files with a pattern, e.g. '{Path.Combine(path, "*.jsonl")}'.");
        }
        if (!File.Exists(full)) throw new DatasetImportException(ImportErrorCodes.SourceNotFound, $"'{path}' does not exist ({full}).");
        return new FileImportSource(full);
    }

    private List<ImportSource> Glob(string path, string pattern)
    {
        var directory = Path.GetDirectoryName(path);
        directory = string.IsNullOrEmpty(directory) ? "." : directory;
        if (directory.AsSpan().IndexOfAny('*', '?') >= 0)
            throw new DatasetImportException(ImportErrorCodes.SourceNotFound, $"'{path}': wildcards are supported in the file name only.");
        var full = roots.Check(directory);
        if (!Directory.Exists(full)) throw new DatasetImportException(ImportErrorCodes.SourceNotFound, $"The directory of '{path}' does not exist ({full}).");

        var options = new EnumerationOptions { MatchType = MatchType.Simple, RecurseSubdirectories = false };
        var files = Directory.EnumerateFiles(full, pattern, options).Order(StringComparer.Ordinal)
            .Select(file => (ImportSource)new FileImportSource(roots.Check(file)))
            .ToList();
        return files.Count > 0
            ? files
            : throw new DatasetImportException(ImportErrorCodes.NoMatchingFiles, $"No file in {full} matches '{pattern}'.");
    }
}
