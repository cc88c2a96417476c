using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sessions.Storage.Bulk;

/// <summary>
/// The band rows of one long write transaction (a contributed-data import), held in a temporary table without an index
/// and added to <c>NearDuplicateBands</c> in key order just before the commit. Written as they come, 16 random keys a
/// row went into the key index at random places: once that index outgrew the page cache, nearly every key meant reading
/// a page back (SQLite: from a WAL that grows with the transaction) and writing it again. In key order the index is
/// written front to back. The rows are not visible to this transaction's own lookups until then, so a write that checks
/// its own rows for near duplicates writes them directly instead.
/// </summary>
public sealed class StagedBandRows
{
    private const string Table = "\"StagedBands\"";
    private readonly SessionsDbContext _db;

    private StagedBandRows(SessionsDbContext db) => _db = db;

    /// <summary>Creates the temporary table in the open transaction (rolling it back drops the table too).</summary>
    public static async Task<StagedBandRows> BeginAsync(SessionsDbContext db, CancellationToken ct)
    {
        var sqlite = db.Database.GetDbConnection() is SqliteConnection;
        await ExecuteAsync(db, $"DROP TABLE IF EXISTS {Table}", ct);
        await ExecuteAsync(db, sqlite
            ? $"CREATE TEMP TABLE {Table} (\"ModelName\" TEXT NOT NULL, \"BandKey\" INTEGER NOT NULL, \"ExampleId\" INTEGER NOT NULL)"
            : $"CREATE TEMP TABLE {Table} (\"ModelName\" varchar(200) NOT NULL, \"BandKey\" bigint NOT NULL, \"ExampleId\" bigint NOT NULL) ON COMMIT DROP", ct);
        return new StagedBandRows(db);
    }

    public Task WriteAsync(string model, IReadOnlyList<(long ExampleId, IReadOnlyList<ulong> Keys)> rows, CancellationToken ct) =>
        new BulkRowWriter(_db).WriteBandsAsync($"{Table} {BulkRowWriter.BandFields}", model, rows, ct);

    /// <summary>Adds the staged rows to <c>NearDuplicateBands</c> in key order and drops the temporary table; returns the rows added.</summary>
    public async Task<long> MoveAsync(CancellationToken ct)
    {
        var moved = await ExecuteAsync(_db,
            $"INSERT INTO \"NearDuplicateBands\" {BulkRowWriter.BandFields} SELECT \"ModelName\", \"BandKey\", \"ExampleId\" FROM {Table} ORDER BY \"BandKey\", \"ModelName\"", ct);
        await ExecuteAsync(_db, $"DROP TABLE {Table}", ct);
        return moved;
    }

    private static async Task<int> ExecuteAsync(SessionsDbContext db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        command.CommandTimeout = 0; // the move of a large import's rows takes minutes, not the default 30 s
        return await command.ExecuteNonQueryAsync(ct);
    }
}
