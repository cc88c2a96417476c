using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sessions.Storage.Bulk;

/// <summary>
/// One prepared <c>INSERT INTO table VALUES (...), (...)</c> of a fixed number of rows, run again and again on the
/// connection's native handle (so inside its open transaction), its values bound by position. Through
/// <see cref="SqliteCommand"/> every run looked each of its hundreds of parameters up by name (a linear scan in
/// SQLite per parameter) and built a data reader. Values are stored exactly as Microsoft.Data.Sqlite stores them for
/// the types bulk rows have (a unit test compares the two); any other type is refused.
/// </summary>
public sealed class SqliteInsert : IDisposable
{
    private const int SqliteDone = 101;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int _parameters;
    private byte[] _text = new byte[1024];

    public SqliteInsert(SqliteConnection connection, string table, int columns, int rows)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        _parameters = columns * rows;
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", columns)) + ")";
        var sql = $"INSERT INTO {table} VALUES " + string.Join(", ", Enumerable.Repeat(row, rows));
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Inserts exactly the statement's number of rows, each with one value per column, in order.</summary>
    public void Run(IReadOnlyList<object[]> rows)
    {
        var index = 1; // SQLite numbers parameters from 1
        foreach (var row in rows)
        {
            foreach (var value in row) Bind(index++, value);
        }

        if (index - 1 != _parameters)
        {
            throw new ArgumentException($"The statement takes {_parameters} values, {index - 1} were given.", nameof(rows));
        }

        var step = raw.sqlite3_step(_statement);
        var reset = raw.sqlite3_reset(_statement);
        if (step != SqliteDone) Check(step);
        Check(reset);
    }

    public void Dispose() => _statement.Dispose();

    private void Bind(int index, object value)
    {
        var rc = value switch
        {
            string text => BindText(index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(_statement, index, number),
            byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(_statement, index, 0),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            DBNull or null => raw.sqlite3_bind_null(_statement, index),
            // As EF Core's SQLite mapping stores them: upper-case text (the ADO.NET default would be a blob), and
            // Microsoft.Data.Sqlite's text form of a DateTime.
            Guid guid => BindText(index, guid.ToString().ToUpperInvariant()),
            DateTime time => BindText(index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"No SQLite bulk binding for {value.GetType().Name}."),
        };
        Check(rc);
    }

    // UTF-8 through one reused buffer (SQLite copies the bytes), not a new array per value.
    private int BindText(int index, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length > _text.Length) _text = new byte[Math.Max(length, _text.Length * 2)];
        var written = Encoding.UTF8.GetBytes(text, _text);
        return raw.sqlite3_bind_text(_statement, index, _text.AsSpan(0, written));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
