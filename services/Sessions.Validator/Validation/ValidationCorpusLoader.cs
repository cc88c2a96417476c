using Microsoft.EntityFrameworkCore;
using Sessions.Deduplication;
using Sessions.Embeddings;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Validator.Validation;

/// <summary>
/// Reads the part of a model's accepted corpus a batch needs: accepted hashes equal to the batch's, and the
/// signatures of examples sharing a band key with it (one indexed lookup per band key, whatever the corpus size),
/// and the quality statistics with the document frequencies of the batch's terms.
/// </summary>
public sealed class ValidationCorpusLoader(SessionsDbContext db, DeduplicationOptions options, CorpusStatisticsStore statistics, EmbeddingOptions embeddings)
{
    /// <summary>
    /// The pending examples as candidates: their last exchange, and the stored embedding of their reply when there is one
    /// from the configured embedding model (vectors of different models are never compared).
    /// </summary>
    public async Task<List<ExampleCandidate>> CandidatesAsync(string sessionId, IReadOnlyList<ExampleRecord> pending, CancellationToken ct)
    {
        var replies = pending.Select(e => e.LastMessageIndex).Distinct().ToList();
        var vectors = await db.Embeddings.AsNoTracking()
            .Where(v => v.SessionId == sessionId && replies.Contains(v.MessageIndex) && v.Model == embeddings.Model)
            .Select(v => new { v.MessageIndex, v.Vector })
            .ToListAsync(ct);
        var byIndex = vectors.GroupBy(v => v.MessageIndex).ToDictionary(g => g.Key, g => StoredVector.FromBytes(g.First().Vector));
        return pending
            .Select(e => new ExampleCandidate(e.Id, e.ContentHash, e.TokenCount, ExampleText.LastExchange(e.MessagesJson), byIndex.GetValueOrDefault(e.LastMessageIndex)))
            .ToList();
    }

    public async Task<ValidationCorpus> LoadAsync(string model, IReadOnlyList<ExampleCandidate> candidates, CancellationToken ct)
    {
        var hashes = candidates.Select(c => c.ContentHash).Distinct().ToList();
        var accepted = (await db.Examples.AsNoTracking().AcceptedContentAsync(model, hashes, ct)).Select(a => a.ContentHash);

        var index = new NearDuplicateIndex(options, new InMemoryNearDuplicateStore(bands: options.Bands));
        var quality = await statistics.LoadAsync(model, candidates.Select(c => c.Text.Combined), ct);
        var corpus = new ValidationCorpus(accepted.ToHashSet(), index, quality);
        var keys = candidates.SelectMany(c => corpus.FingerprintOf(c.Text).BandKeys).Select(k => unchecked((long)k)).Distinct().ToList();
        var ids = await db.NearDuplicateBands.AsNoTracking().ExampleIdsWithBandKeys(model, keys).ToListAsync(ct);
        var signatures = ids.Count == 0 ? [] : await db.Examples.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && e.Status == ExampleStatus.Accepted && e.MinHashSignature != null)
            .Select(e => new { e.Id, e.MinHashSignature })
            .ToListAsync(ct);
        var bands = new LshBands(options.Bands, options.Rows);
        foreach (var s in signatures)
        {
            var signature = MinHashSignature.FromBytes(s.MinHashSignature);
            index.Add(s.Id, new TextFingerprint(0, signature, bands.Keys(signature)));
        }

        return corpus;
    }

    /// <summary>Sets the accepted examples' signatures (saved with them) and returns their band rows for the bulk writer.</summary>
    public static List<(long ExampleId, IReadOnlyList<ulong> Keys)> BandRows(IEnumerable<(ExampleRecord Example, TextFingerprint Fingerprint)> accepted)
    {
        var rows = new List<(long, IReadOnlyList<ulong>)>();
        foreach (var (example, fingerprint) in accepted)
        {
            if (fingerprint.Signature is { } signature)
            {
                example.MinHashSignature = signature.ToBytes();
                rows.Add((example.Id, fingerprint.BandKeys));
            }
        }

        return rows;
    }
}
