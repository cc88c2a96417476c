using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Sessions.Storage.Bulk;

/// <summary>
/// A larger SQLite page cache for one long write transaction: with the default 2 MB, the pages of a bulk write's
/// indexes (random band keys) are spilled to the WAL, read back and written again many times before the commit.
/// Disposing restores the connection's previous size (a pooled connection outlives the write). Nothing on PostgreSQL.
/// </summary>
public sealed class SqlitePageCache : IAsyncDisposable
{
    private readonly SqliteConnection? _connection;
    private readonly long _previous;

    private SqlitePageCache(SqliteConnection? connection, long previous)
    {
        _connection = connection;
        _previous = previous;
    }

    /// <summary>Sets the cache of <paramref name="db"/>'s open connection to <paramref name="mebibytes"/> MiB until disposed.</summary>
    public static async Task<SqlitePageCache> EnlargeAsync(DbContext db, int mebibytes, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not SqliteConnection connection) return new SqlitePageCache(null, 0);
        var previous = Convert.ToInt64(await ExecuteAsync(connection, "PRAGMA cache_size", ct));
        await ExecuteAsync(connection, $"PRAGMA cache_size = {-1024L * mebibytes}", ct); // negative: in KiB, not pages
        return new SqlitePageCache(connection, previous);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            await ExecuteAsync(_connection, $"PRAGMA cache_size = {_previous}", CancellationToken.None);
        }
    }

    private static async Task<object?> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
