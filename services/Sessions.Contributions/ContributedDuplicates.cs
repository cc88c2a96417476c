using Microsoft.EntityFrameworkCore;
using Sessions.Deduplication;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Contributions;

/// <summary>A duplicate found among contributed rows: the validator's reason code, a detail, and whether the other copy came from the same file.</summary>
public sealed record DuplicateFinding(string Code, string Detail, bool WithinFile);

/// <summary>
/// Exact and near-duplicate checks of one batch of contributed examples against the model's accepted examples, the
/// earlier batches of the same integration (already saved in its open transaction, so the same queries find them)
/// and the earlier rows of the batch. Exact duplicates are always refused (one accepted copy of a text per model is
/// also a unique index); near duplicates — the validator's MinHash/LSH, same options — only when asked.
/// The fingerprints (<see cref="ContributedBatchPreparation"/> makes them) also give accepted rows their band rows,
/// as validated session examples get them.
/// </summary>
public sealed class ContributedDuplicates(SessionsDbContext db, DeduplicationOptions options, string model, Guid integrationId, bool nearDuplicates)
{
    public async Task<DuplicateFinding?[]> CheckAsync(IReadOnlyList<ContributedExample> batch, IReadOnlyList<TextFingerprint> fingerprints, CancellationToken ct)
    {
        var hashes = batch.Select(e => e.ContentHash).Distinct().ToList();
        var stored = await db.Examples.AsNoTracking().AcceptedContentAsync(model, hashes, ct);
        var exact = stored.GroupBy(s => s.ContentHash).ToDictionary(g => g.Key, g => g.Any(s => s.IntegrationId == integrationId));
        var (index, ours) = nearDuplicates ? await NearIndexAsync(fingerprints, ct) : (null, []);

        var findings = new DuplicateFinding?[batch.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            if (exact.TryGetValue(batch[i].ContentHash, out var withinFile))
            {
                findings[i] = new(ValidationCodes.DuplicateExact, withinFile ? "the same text is an earlier row of this import" : "the same text is already accepted for this model", withinFile);
            }
            else if (!seen.Add(batch[i].ContentHash))
            {
                findings[i] = new(ValidationCodes.DuplicateExact, "the same text is an earlier row of this import", true);
            }
            else if (index?.Check(fingerprints[i]) is { } match)
            {
                var within = match.ExampleId < 0 || ours.Contains(match.ExampleId);
                findings[i] = new(ValidationCodes.DuplicateNear, within
                    ? $"estimated Jaccard {match.EstimatedJaccard:F2} with an earlier row of this import"
                    : $"estimated Jaccard {match.EstimatedJaccard:F2} with accepted example {match.ExampleId}", within);
            }
            else
            {
                index?.Add(-(i + 1), fingerprints[i]); // later rows of the batch are checked against this one
            }
        }

        return findings;
    }

    private async Task<(NearDuplicateIndex, HashSet<long>)> NearIndexAsync(IReadOnlyList<TextFingerprint> fingerprints, CancellationToken ct)
    {
        var keys = fingerprints.SelectMany(f => f.BandKeys).Select(k => unchecked((long)k)).Distinct().ToList();
        var ids = await db.NearDuplicateBands.AsNoTracking().ExampleIdsWithBandKeys(model, keys).ToListAsync(ct);
        var candidates = ids.Count == 0 ? [] : await db.Examples.AsNoTracking()
            .Where(e => ids.Contains(e.Id) && e.ModelName == model && e.Status == ExampleStatus.Accepted && e.MinHashSignature != null)
            .Select(e => new { e.Id, e.MinHashSignature, e.IntegrationId })
            .ToListAsync(ct);
        var index = new NearDuplicateIndex(options, new InMemoryNearDuplicateStore(candidates.Count + fingerprints.Count, options.Bands));
        var bands = new LshBands(options.Bands, options.Rows);
        foreach (var c in candidates)
        {
            var signature = MinHashSignature.FromBytes(c.MinHashSignature);
            index.Add(c.Id, new TextFingerprint(0, signature, bands.Keys(signature)));
        }

        return (index, candidates.Where(c => c.IntegrationId == integrationId).Select(c => c.Id).ToHashSet());
    }
}
