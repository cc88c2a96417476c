using System.Security.Cryptography;
using System.Text.Json;
using System.Text;

namespace Sessions.Trainer.Runs;

public sealed record SnapshotExample(long Id, string SessionId, string ContentHash, int TokenCount);

/// <summary>The accepted examples a run trains on: their ids and one hash over ids and contents, so a run can be reproduced.</summary>
public sealed record DatasetSnapshot(IReadOnlyList<SnapshotExample> Examples, string Hash, long Watermark)
{
    public static DatasetSnapshot Of(IReadOnlyList<SnapshotExample> examples)
    {
        var ordered = examples.OrderBy(e => e.Id).ToList();
        var builder = new StringBuilder();
        foreach (var e in ordered)
        {
            builder.Append(e.Id).Append(':').Append(e.ContentHash).Append('\n');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
        return new DatasetSnapshot(ordered, hash, ordered.Count == 0 ? 0 : ordered[^1].Id);
    }

    public const string FileName = "snapshot.json";

    /// <summary>Writes the id list and hash into the run's artifact folder (created here: an unwritable folder fails the run now).</summary>
    public async Task WriteAsync(string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var content = new { hash = Hash, watermark = Watermark, count = Examples.Count, exampleIds = Examples.Select(e => e.Id) };
        await File.WriteAllTextAsync(Path.Combine(folder, FileName), JsonSerializer.Serialize(content), ct);
    }
}
