using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Sessions.Storage.Entities;

namespace Sessions.Storage.Bulk;

/// <summary>
/// Writes rows that come by the hundred and whose ids nobody reads back — near-duplicate band rows (16 per accepted
/// example), embeddings (one per message), augmented copies (up to 16 per example) — in the open transaction with each
/// provider's bulk path: PostgreSQL binary COPY, SQLite one prepared INSERT reused. Through EF Core's change tracker
/// they cost several times the rest of the work. Examples whose ids are needed take them up front
/// (<see cref="ReserveExampleIdsAsync"/>), as a contributed-data import does, or stay with EF Core.
/// </summary>
public sealed class BulkRowWriter(SessionsDbContext db)
{
    private const string BandColumns = "\"NearDuplicateBands\" " + BandFields;
    internal const string BandFields = "(\"ModelName\", \"BandKey\", \"ExampleId\")";
    private const string EmbeddingColumns = "\"Embeddings\" (\"SessionId\", \"MessageIndex\", \"Model\", \"Dimension\", \"Vector\")";
    private const string ExampleColumns = "\"Examples\" (" + ExampleColumnFields;
    private const string ExampleColumnFields = "\"SessionId\", \"ModelName\", \"MessagesJson\", \"ContentHash\", \"TokenCount\", " +
        "\"FirstMessageIndex\", \"LastMessageIndex\", \"Status\", \"RejectionReasonsJson\", \"CreatedAt\", \"ValidatedAt\", \"Origin\", " +
        "\"Variant\", \"ParentExampleId\", \"QualityScore\", \"QualityFlagsJson\", \"MinHashSignature\", \"IntegrationId\", \"EmbeddingsPending\")";
    private const string ExampleColumnsWithId = "\"Examples\" (\"Id\", " + ExampleColumnFields;

    /// <summary>
    /// The context's pending changes, then <paramref name="rows"/>' bulk writes, in one transaction: all or nothing.
    /// Without EF Core's automatic savepoint, two round trips a call: nothing inside is retried on its own.
    /// </summary>
    public async Task SaveChangesWithAsync(Func<BulkRowWriter, Task> rows, CancellationToken ct)
    {
        var gate = SqliteWriteGate.For(db);
        if (gate is not null) await gate.WaitAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Database.AutoSavepointsEnabled = false;
            await db.SaveChangesAsync(ct);
            await rows(this);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            gate?.Release();
        }
    }

    public Task WriteBandsAsync(string model, IReadOnlyList<(long ExampleId, IReadOnlyList<ulong> Keys)> rows, CancellationToken ct) =>
        WriteBandsAsync(BandColumns, model, rows, ct);

    /// <summary>Band rows into <paramref name="table"/>: the quoted table name and <see cref="BandFields"/>.</summary>
    internal Task WriteBandsAsync(string table, string model, IReadOnlyList<(long ExampleId, IReadOnlyList<ulong> Keys)> rows, CancellationToken ct) =>
        WriteAsync(table, rows.SelectMany(r => r.Keys.Select(k => new object[] { model, unchecked((long)k), r.ExampleId })),
            [NpgsqlDbType.Varchar, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint], ct);

    public Task WriteEmbeddingsAsync(IReadOnlyList<EmbeddingRecord> rows, CancellationToken ct) =>
        WriteAsync(EmbeddingColumns, rows.Select(e => new object[] { e.SessionId, e.MessageIndex, e.Model, e.Dimension, e.Vector }),
            [NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Bytea], ct);

    /// <summary>Examples whose ids nobody reads back (a session's cut examples, augmented copies); every column but the id.</summary>
    public Task WriteExamplesAsync(IReadOnlyList<ExampleRecord> examples, CancellationToken ct) => WriteExamplesAsync(examples, withIds: false, ct);

    /// <summary>Examples with the ids taken by <see cref="ReserveExampleIdsAsync"/>, so that their band rows can point at them.</summary>
    public Task WriteExamplesWithIdsAsync(IReadOnlyList<ExampleRecord> examples, CancellationToken ct) => WriteExamplesAsync(examples, withIds: true, ct);

    /// <summary>
    /// <paramref name="count"/> unused example ids, ascending. PostgreSQL takes them from the identity's sequence, so a
    /// concurrent writer never gets one; SQLite continues its AUTOINCREMENT counter, which is only safe while this
    /// transaction holds the database's write lock (a SQLite transaction here begins IMMEDIATE) — the ids are written
    /// before it ends.
    /// </summary>
    public async Task<long[]> ReserveExampleIdsAsync(int count, CancellationToken ct)
    {
        var ids = new long[count];
        if (count == 0) return ids;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (command is NpgsqlCommand postgres)
        {
            postgres.CommandText = "SELECT nextval(pg_get_serial_sequence('\"Examples\"', 'Id')) FROM generate_series(1, $1)";
            postgres.Parameters.Add(new NpgsqlParameter { Value = count });
            await using var reader = await postgres.ExecuteReaderAsync(ct);
            for (var i = 0; await reader.ReadAsync(ct); i++) ids[i] = reader.GetInt64(0);
            Array.Sort(ids);
            return ids;
        }

        command.CommandText = "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'Examples'), 0), coalesce((SELECT max(\"Id\") FROM \"Examples\"), 0))";
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct));
        for (var i = 0; i < count; i++) ids[i] = last + 1 + i;
        return ids;
    }

    private Task WriteExamplesAsync(IReadOnlyList<ExampleRecord> examples, bool withIds, CancellationToken ct) =>
        WriteAsync(withIds ? ExampleColumnsWithId : ExampleColumns, examples.Select(e => ExampleValues(e, withIds)),
            withIds ? [NpgsqlDbType.Bigint, .. ExampleTypes] : ExampleTypes, ct);

    /// <summary>One array per row (this runs for every example and copy): the id first when it is written.</summary>
    private static object[] ExampleValues(ExampleRecord e, bool withId)
    {
        var values = new object[ExampleTypes.Length + (withId ? 1 : 0)];
        var i = 0;
        if (withId) values[i++] = e.Id;
        values[i++] = e.SessionId;
        values[i++] = e.ModelName;
        values[i++] = e.MessagesJson;
        values[i++] = e.ContentHash;
        values[i++] = e.TokenCount;
        values[i++] = e.FirstMessageIndex;
        values[i++] = e.LastMessageIndex;
        values[i++] = e.Status;
        values[i++] = OrNull(e.RejectionReasonsJson);
        values[i++] = e.CreatedAt;
        values[i++] = OrNull(e.ValidatedAt);
        values[i++] = e.Origin;
        values[i++] = e.Variant;
        values[i++] = OrNull(e.ParentExampleId);
        values[i++] = OrNull(e.QualityScore);
        values[i++] = OrNull(e.QualityFlagsJson);
        values[i++] = OrNull(e.MinHashSignature);
        values[i++] = OrNull(e.IntegrationId);
        values[i] = e.EmbeddingsPending;
        return values;
    }

    private static readonly NpgsqlDbType[] ExampleTypes =
            [
                NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
                NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Text, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz,
                NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Bigint, NpgsqlDbType.Double, NpgsqlDbType.Text, NpgsqlDbType.Bytea,
                NpgsqlDbType.Uuid, NpgsqlDbType.Boolean,
            ];

    private static object OrNull(object? value) => value ?? DBNull.Value;

    private async Task WriteAsync(string table, IEnumerable<object[]> rows, NpgsqlDbType[] types, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection postgres)
        {
            await using var importer = await postgres.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < row.Length; i++) await importer.WriteAsync(row[i], types[i], ct);
            }

            await importer.CompleteAsync(ct);
            return;
        }

        // Several rows per INSERT: every run of a statement has a fixed cost (statement walk, reset, result), so fewer runs
        // of a wider statement write the same rows (in the same order, so AUTOINCREMENT ids come out the same) for less.
        var sqlite = (SqliteConnection)connection;
        var pending = new List<object[]>(SqliteRowsPerInsert);
        SqliteInsert? full = null;
        try
        {
            foreach (var row in rows)
            {
                pending.Add(row);
                if (pending.Count < SqliteRowsPerInsert) continue;
                ct.ThrowIfCancellationRequested();
                full ??= new SqliteInsert(sqlite, table, types.Length, SqliteRowsPerInsert);
                full.Run(pending);
                pending.Clear();
            }

            if (pending.Count > 0)
            {
                using var rest = new SqliteInsert(sqlite, table, types.Length, pending.Count);
                rest.Run(pending);
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    private const int SqliteRowsPerInsert = 32;
}
