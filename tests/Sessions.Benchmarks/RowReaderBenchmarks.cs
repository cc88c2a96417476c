using System.Text;
using BenchmarkDotNet.Attributes;
using Sessions.Datasets;
using Sessions.Datasets.Reading;

namespace Sessions.Benchmarks;

/// <summary>
/// Reading a ~100 MB JSON Lines file of ~1 KB chat rows (schema check and chat mapping included).
/// Throughput is <see cref="FileBytes"/> / mean; the file is generated once per run into a temp folder.
/// </summary>
[MemoryDiagnoser]
public class RowReaderBenchmarks
{
    private const long TargetBytes = 100L * 1024 * 1024;
    private string folder = "";
    private string file = "";

    public static long FileBytes { get; private set; }

    [GlobalSetup]
    public void Generate()
    {
        folder = Path.Combine(Path.GetTempPath(), "sessions-rowreader-bench");
        Directory.CreateDirectory(folder);
        file = Path.Combine(folder, "rows.jsonl");
        var random = new Random(42);
        using (var writer = new StreamWriter(file, append: false, new UTF8Encoding(false)))
        {
            for (var row = 0; writer.BaseStream.Length < TargetBytes; row++)
            {
                var user = Words(random, 45);
                var reply = Words(random, 110);
                writer.Write($$"""{"session_id":"bench-{{row / 8}}","messages":[{"role":"system","content":"You are a helpful support assistant."},{"role":"user","content":"{{user}}"},{"role":"assistant","content":"{{reply}}"}]}""");
                writer.Write('\n');
            }
        }
        FileBytes = new FileInfo(file).Length;
        Console.WriteLine($"// RowReaderBenchmarks: {FileBytes} bytes in {file}");
    }

    [GlobalCleanup]
    public void Remove() => Directory.Delete(folder, recursive: true);

    [Benchmark]
    public async Task<long> JsonLinesReader()
    {
        var reader = new JsonLinesRowReader(new JsonRowMapper());
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan | FileOptions.Asynchronous);
        long accepted = 0;
        await foreach (var row in reader.ReadAsync(stream, file))
        {
            if (row.IsAccepted) accepted++;
        }
        return accepted;
    }

    [Benchmark]
    public async Task<long> ImportPipeline()
    {
        var reader = new ContributedDatasetReader(new DatasetImportOptions { ImportRoots = [folder] });
        long accepted = 0;
        await foreach (var row in reader.ReadAsync(file))
        {
            if (row.IsAccepted) accepted++;
        }
        return accepted;
    }

    private static readonly string[] Vocabulary =
        ["the", "invoice", "storage", "volume", "billing", "account", "monthly", "charge", "support", "please", "update",
         "network", "server", "backup", "restore", "password", "reset", "email", "address", "plan", "upgrade", "thanks"];

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
}
