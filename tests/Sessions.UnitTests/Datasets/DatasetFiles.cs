using System.Text;
using Sessions.Datasets;
using Sessions.Datasets.Reading;

namespace Sessions.UnitTests.Datasets;

/// <summary>A temporary folder with an import root for the dataset tests, and small helpers to read rows from bytes.</summary>
internal sealed class DatasetFiles : IDisposable
{
    public DatasetFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "sessions-datasets-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Folder, "imports");
        Directory.CreateDirectory(Root);
    }

    public string Folder { get; }

    /// <summary>The import root (<see cref="Folder"/>/imports).</summary>
    public string Root { get; }

    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public DatasetImportOptions Options(Action<DatasetImportOptions>? change = null)
    {
        var options = new DatasetImportOptions { ImportRoots = [Root] };
        change?.Invoke(options);
        return options;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    public static string ChatLine(string user, string assistant, string extra = "") =>
        $$"""{"messages":[{"role":"user","content":"{{user}}"},{"role":"assistant","content":"{{assistant}}"}]{{extra}}}""";

    public static Task<List<RowResult>> ReadAsync(IRowReader reader, string text) => ReadAsync(reader, Encoding.UTF8.GetBytes(text));

    public static async Task<List<RowResult>> ReadAsync(IRowReader reader, byte[] bytes, int chunk = 0)
    {
        Stream stream = chunk > 0 ? new TrickleStream(bytes, chunk) : new MemoryStream(bytes);
        var results = new List<RowResult>();
        await foreach (var row in reader.ReadAsync(stream, "test")) results.Add(row);
        return results;
    }

    public static async Task<List<RowResult>> CollectAsync(IAsyncEnumerable<RowResult> rows)
    {
        var results = new List<RowResult>();
        await foreach (var row in rows) results.Add(row);
        return results;
    }

    public static string Describe(IEnumerable<RowResult> results) => string.Join(Environment.NewLine, results);
}

/// <summary>A stream that returns at most a few bytes per read, so rows straddle every possible buffer boundary.</summary>
internal sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
}
