using Sessions.Storage.Entities;

namespace Sessions.Storage;

/// <summary>The exact-duplicate lookup of the validator and the contributed-data import: accepted examples by content hash.</summary>
public static class AcceptedContentLookup
{
    /// <summary>
    /// Accepted examples (of any model: the caller keeps its model's) whose content hash is one of <paramref name="hashes"/>.
    /// The model stays out of the SQL on purpose: with it, SQLite's planner took the (ModelName, Status, Id) index for its two
    /// equalities and read every accepted example of the model per lookup (an import slowed down with every batch); without
    /// it, the only index left is the accepted-content one, searched by hash. PostgreSQL takes that index either way.
    /// </summary>
    public static IQueryable<ExampleRecord> WithAcceptedContent(this IQueryable<ExampleRecord> examples, IReadOnlyCollection<string> hashes) =>
        examples.Where(e => e.Status == ExampleStatus.Accepted && hashes.Contains(e.ContentHash));
}
