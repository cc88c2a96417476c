using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Trainer.Contributions;

/// <summary>
/// Writes the bulk of an import's rows — near-duplicate band rows (16 per accepted example) and embeddings (one per
/// message) — in the open transaction with each provider's bulk path: PostgreSQL binary COPY, SQLite one prepared
/// INSERT reused. Through EF Core's change tracker they cost several times the rest of the import. Examples stay
/// with EF Core: their ids come back from it, and band rows need them.
/// </summary>
public sealed class BulkRowWriter(SessionsDbContext db)
{
    private const string BandColumns = "\"NearDuplicateBands\" (\"ModelName\", \"BandKey\", \"ExampleId\")";
    private const string EmbeddingColumns = "\"Embeddings\" (\"SessionId\", \"MessageIndex\", \"Model\", \"Dimension\", \"Vector\")";

    public Task WriteBandsAsync(string model, IReadOnlyList<(long ExampleId, IReadOnlyList<ulong> Keys)> rows, CancellationToken ct) =>
        WriteAsync(BandColumns, rows.SelectMany(r => r.Keys.Select(k => new object[] { model, unchecked((long)k), r.ExampleId })),
            [NpgsqlDbType.Varchar, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint], ct);

    public Task WriteEmbeddingsAsync(IReadOnlyList<EmbeddingRecord> rows, CancellationToken ct) =>
        WriteAsync(EmbeddingColumns, rows.Select(e => new object[] { e.SessionId, e.MessageIndex, e.Model, e.Dimension, e.Vector }),
            [NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Bytea], ct);

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

        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", types.Select((_, i) => $"$p{i}"))})";
        var parameters = types.Select((_, i) => Parameter(command, $"$p{i}")).ToArray();
        var prepared = false;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i];
            if (!prepared) await command.PrepareAsync(ct);
            prepared = true;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
