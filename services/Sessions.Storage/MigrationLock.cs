using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Sessions.Storage;

/// <summary>
/// Serializes migrations across processes: a session-level advisory lock on PostgreSQL (held by a connection of
/// its own), an exclusively opened lock file beside the database on SQLite.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    private const long AdvisoryLockKey = 0x5E55_1045; // "sessions"
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly IAsyncDisposable? _held;

    private MigrationLock(IAsyncDisposable? held) => _held = held;

    public static async Task<MigrationLock> AcquireAsync(SessionsDbContext db, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString()!;
        if (db.Database.IsNpgsql())
        {
            // Unpooled: a pooled connection would keep the session, and so the lock, after it is "closed".
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection) { CommandTimeout = (int)Timeout.TotalSeconds };
            await command.ExecuteNonQueryAsync(ct);
            return new MigrationLock(connection); // closing the (unpooled) connection ends the session and its lock
        }

        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:")
        {
            return new MigrationLock(null);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Timeout);
        while (true)
        {
            try
            {
                return new MigrationLock(new FileStream(Path.GetFullPath(path) + ".migrations.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(100, deadline.Token); // another process migrates
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_held is not null)
        {
            await _held.DisposeAsync();
        }
    }
}
