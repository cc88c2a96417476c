using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sessions.Storage;

/// <summary>
/// Lets SQLite itself wait for a busy write lock (<c>sqlite3_busy_timeout</c>) on every connection EF Core opens.
/// Without it Microsoft.Data.Sqlite retries a busy statement after a fixed <c>Thread.Sleep(150)</c>, so a writer that
/// found the lock held for 2 ms waited 150 ms with its thread blocked; with several consumers and three processes
/// writing one file that left the cores idle (warm pipeline 20 → 26 sessions/s with it, docs/benchmarks.md). SQLite's
/// own handler retries after 1, 2, 5, 10 … ms. The timeout is the connection's <c>Default Timeout</c>, so the
/// library's loop still ends a wait at the same time.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private SqliteBusyTimeout()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
        {
            // 0 means no timeout to Microsoft.Data.Sqlite, but would turn SQLite's handler off.
            var milliseconds = sqlite.DefaultTimeout <= 0 ? int.MaxValue : (int)Math.Min(sqlite.DefaultTimeout * 1000L, int.MaxValue);
            var rc = SQLitePCL.raw.sqlite3_busy_timeout(handle, milliseconds);
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }
}
