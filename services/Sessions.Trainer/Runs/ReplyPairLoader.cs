using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Embeddings;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Trainer.Adapters;

namespace Sessions.Trainer.Runs;

/// <summary>
/// Reads the (user turn, reply) embedding pairs of a run's snapshot: only the vectors its examples need are kept, and only
/// those of the configured embedding model (after a switch, vectors of the old model are never paired with the new).
/// </summary>
public sealed class ReplyPairLoader(SessionsDbContext db, EmbeddingOptions embeddings)
{
    public async Task<ReplyPairSet> LoadAsync(string model, DatasetSnapshot snapshot, CancellationToken ct)
    {
        var inSnapshot = snapshot.Examples.Select(e => e.Id).ToHashSet();
        var watermark = snapshot.Watermark;
        var examples = new List<ExamplePlace>();
        // A contributed row is its own "session": its roles are in the example itself, and its vectors are indexed by its messages.
        var roles = new Dictionary<string, string[]>();
        await foreach (var e in db.Examples.AsNoTracking()
            // Augmented copies share their parent's turns (and so its embeddings): one pair per original.
            .Where(e => e.ModelName == model && e.Status == ExampleStatus.Accepted && !e.EmbeddingsPending && e.Id <= watermark && e.Variant == 0)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.SessionId, e.FirstMessageIndex, e.LastMessageIndex, Contributed = e.Origin == ExampleOrigin.Contributed ? e.MessagesJson : null })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!inSnapshot.Contains(e.Id))
            {
                continue; // accepted after the snapshot was taken: the next run's
            }

            examples.Add(new ExamplePlace(e.SessionId, e.FirstMessageIndex, e.LastMessageIndex, e.Id));
            if (e.Contributed is not null)
            {
                roles[e.SessionId] = Roles(e.Contributed);
            }
        }

        var sessions = examples.Select(e => e.SessionId).ToHashSet();
        await foreach (var s in db.Sessions.AsNoTracking()
            .Where(s => s.ModelName == model && s.Status == SessionStatus.Accepted && s.MessagesJson != null)
            .Select(s => new { s.SessionId, s.MessagesJson })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (sessions.Contains(s.SessionId))
            {
                roles[s.SessionId] = Roles(s.MessagesJson!);
            }
        }

        var turns = examples
            .Select(e => roles.TryGetValue(e.SessionId, out var r) ? ReplyPairs.Locate(e, r) : null)
            .OfType<ReplyTurns>()
            .ToList();
        var needed = turns.SelectMany(t => new[] { (t.SessionId, t.UserIndex), (t.SessionId, t.ReplyIndex) }).ToHashSet();

        var vectors = new Dictionary<(string SessionId, int Index), float[]>(needed.Count);
        await foreach (var e in db.Embeddings.AsNoTracking()
            .Where(e => e.Model == embeddings.Model)
            .Where(e => db.Sessions.Any(s => s.SessionId == e.SessionId && s.ModelName == model && s.Status == SessionStatus.Accepted)
                || db.Examples.Any(x => x.SessionId == e.SessionId && x.ModelName == model && x.Origin == ExampleOrigin.Contributed && x.Status == ExampleStatus.Accepted))
            .Select(e => new { e.SessionId, e.MessageIndex, e.Vector })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (needed.Contains((e.SessionId, e.MessageIndex)))
            {
                vectors[(e.SessionId, e.MessageIndex)] = StoredVector.FromBytes(e.Vector);
            }
        }

        var built = ReplyPairs.Build(turns, vectors);
        return built with { ExamplesWithoutPair = examples.Count - built.Pairs.Count };
    }

    // Stored as an array of chat messages (the processor's session, or a contributed example); only the roles matter here.
    private static string[] Roles(string messagesJson)
    {
        using var document = JsonDocument.Parse(messagesJson);
        return document.RootElement.EnumerateArray()
            .Select(m => m.EnumerateObject().FirstOrDefault(p => p.NameEquals("Role") || p.NameEquals("role")).Value)
            .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "")
            .ToArray();
    }
}
