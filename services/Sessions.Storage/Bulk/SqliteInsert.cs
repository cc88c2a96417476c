using System.Data.Common;

namespace Sessions.Storage.Bulk;

/// <summary>One prepared <c>INSERT INTO table VALUES (...), (...)</c> of a fixed number of rows, run again and again.</summary>
internal sealed class SqliteInsert : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private bool _prepared;

    public SqliteInsert(DbConnection connection, DbTransaction? transaction, string table, int columns, int rows)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO {table} VALUES " +
            string.Join(", ", Enumerable.Range(0, rows).Select(r => $"({string.Join(", ", Enumerable.Range(0, columns).Select(c => $"$p{r}_{c}"))})"));
        _parameters = Enumerable.Range(0, rows * columns).Select(i => BulkRowWriter.Parameter(_command, $"$p{i / columns}_{i % columns}")).ToArray();
    }

    public async Task RunAsync(List<object[]> rows, CancellationToken ct)
    {
        var p = 0;
        foreach (var row in rows)
        {
            // EF Core's SQLite mapping keeps a Guid as upper-case text; the ADO.NET default would be a blob.
            foreach (var value in row) _parameters[p++].Value = value is Guid guid ? guid.ToString().ToUpperInvariant() : value;
        }

        if (!_prepared) await _command.PrepareAsync(ct);
        _prepared = true;
        await _command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
