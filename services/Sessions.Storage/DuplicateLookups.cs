using Microsoft.EntityFrameworkCore;
using Sessions.Storage.Entities;

namespace Sessions.Storage;

/// <summary>
/// The duplicate lookups of the validator and the contributed-data import: accepted examples by content hash, and the
/// examples sharing a near-duplicate band key.
/// </summary>
public static class DuplicateLookups
{
    /// <summary>
    /// Accepted examples (of any model: the caller keeps its model's) whose content hash is one of <paramref name="hashes"/>.
    /// The model stays out of the SQL on purpose: with it, SQLite's planner took the (ModelName, Status, Id) index for its two
    /// equalities and read every accepted example of the model per lookup (an import slowed down with every batch); without
    /// it, the only index left is the accepted-content one, searched by hash. PostgreSQL takes that index either way.
    /// </summary>
    public static IQueryable<ExampleRecord> WithAcceptedContent(this IQueryable<ExampleRecord> examples, IReadOnlyCollection<string> hashes) =>
        examples.Where(e => e.Status == ExampleStatus.Accepted && hashes.Contains(e.ContentHash));

    /// <summary>The accepted examples of <paramref name="model"/> among <paramref name="hashes"/>, by <see cref="WithAcceptedContent"/>; the model is kept here.</summary>
    public static async Task<List<AcceptedContent>> AcceptedContentAsync(this IQueryable<ExampleRecord> examples, string model,
        IReadOnlyCollection<string> hashes, CancellationToken ct)
    {
        var rows = await examples.WithAcceptedContent(hashes)
            .Select(e => new { e.ContentHash, e.ModelName, e.IntegrationId })
            .ToListAsync(ct);
        return rows.Where(r => r.ModelName == model).Select(r => new AcceptedContent(r.ContentHash, r.IntegrationId)).ToList();
    }

    /// <summary>
    /// The ids of the examples with a band row of <paramref name="model"/> under one of <paramref name="keys"/>: the first of
    /// two indexed lookups (the caller then loads the accepted ones by id). An EXISTS correlated with each accepted example
    /// made the database walk the model's whole corpus per batch, and band rows have no index by example.
    /// </summary>
    public static IQueryable<long> ExampleIdsWithBandKeys(this IQueryable<NearDuplicateBandRecord> bands, string model, IReadOnlyCollection<long> keys) =>
        bands.Where(b => b.ModelName == model && keys.Contains(b.BandKey)).Select(b => b.ExampleId).Distinct();
}
