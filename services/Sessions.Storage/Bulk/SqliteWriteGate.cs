using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Sessions.Storage.Bulk;

/// <summary>
/// One writer at a time per SQLite file within this process, queued in order without blocking a thread. SQLite has
/// one write lock anyway; waiting for it inside SQLite means polling (its busy handler sleeps 1, 2, 5 … up to 100 ms
/// between tries), so with dozens of consumers of one process waiting, the lock sat free between a commit and the
/// next poll. Other processes still meet at SQLite's lock. Null for PostgreSQL, whose writers do not exclude each other.
/// Not reentrant: a holder must not start another gated save.
/// </summary>
public static class SqliteWriteGate
{
    // By connection string, so a save costs one dictionary lookup, not a parse of it; two strings naming one file share
    // the file's gate.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim?> Connections = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    public static SemaphoreSlim? For(SessionsDbContext db) =>
        db.Database.IsSqlite() && db.Database.GetConnectionString() is { } connectionString
            ? Connections.GetOrAdd(connectionString, OfFile)
            : null;

    private static SemaphoreSlim? OfFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (source.Length == 0 || source == ":memory:")
        {
            return null; // a private database: nobody else writes it
        }

        return Files.GetOrAdd(Path.GetFullPath(source), _ => new SemaphoreSlim(1, 1));
    }
}
