using System.Security.Cryptography;
using System.Text.Json;
using System.Text;

namespace Sessions.Trainer.Runs;

/// <summary>
/// The accepted examples a run trains on, fixed when the run starts: their ids and one hash over their contents, so a
/// run can be reproduced. Everything the run writes (files, card, metrics, adapter) reads these examples and no
/// others: an example accepted while the run is going belongs to the next run.
/// </summary>
public sealed record DatasetSnapshot(IReadOnlyList<SnapshotExample> Examples, string Hash, long Watermark)
{
    public static DatasetSnapshot Of(IReadOnlyList<SnapshotExample> examples)
    {
        var ordered = examples.OrderBy(e => e.Id).ToList();
        // Over contents in content order, not row ids: the same data stored in another order has the same hash.
        var builder = new StringBuilder();
        foreach (var e in InContentOrder(ordered))
        {
            builder.Append(e.SessionId).Append(':').Append(e.LastMessageIndex).Append(':').Append(e.ContentHash).Append('\n');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
        return new DatasetSnapshot(ordered, hash, ordered.Count == 0 ? 0 : ordered[^1].Id);
    }

    public IEnumerable<string> SessionIds => Examples.Select(e => e.SessionId).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The order the files list the examples in: session data by session id and position (not by row id, which
    /// depends on which consumer stored first), contributed data by id (one import stores in file order).
    /// </summary>
    public IReadOnlyList<SnapshotExample> InContentOrder() => InContentOrder(Examples);

    private static IReadOnlyList<SnapshotExample> InContentOrder(IEnumerable<SnapshotExample> examples) =>
        [.. examples.OrderBy(e => e.IntegrationId is null ? 0 : 1).ThenBy(e => e.IntegrationId is null ? e.SessionId : "", StringComparer.Ordinal)
            .ThenBy(e => e.IntegrationId is null ? e.LastMessageIndex : 0).ThenBy(e => e.Id)];

    public const string FileName = "snapshot.json";

    /// <summary>Writes the id list and hash into the run's artifact folder (created here: an unwritable folder fails the run now).</summary>
    public async Task WriteAsync(string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var content = new { hash = Hash, watermark = Watermark, count = Examples.Count, exampleIds = Examples.Select(e => e.Id) };
        await File.WriteAllTextAsync(Path.Combine(folder, FileName), JsonSerializer.Serialize(content), ct);
    }
}
