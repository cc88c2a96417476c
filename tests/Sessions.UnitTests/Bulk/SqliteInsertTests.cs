using Microsoft.Data.Sqlite;
using Sessions.Storage.Bulk;

namespace Sessions.UnitTests.Bulk;

/// <summary>The positional bulk INSERT must store every value exactly as a SqliteCommand with the same parameters stores it.</summary>
public class SqliteInsertTests
{
    private static readonly object[][] Rows =
    [
        ["plain", 42L, 7, 0.25, new byte[] { 1, 2, 255 }, new DateTime(2026, 11, 30, 5, 29, 40, DateTimeKind.Utc).AddTicks(4765792), Guid.Parse("7c7a2310-43a9-413e-bde5-cae7f82a34e4")],
        ["ünïcødé ✓ 😀 <EMAIL>", long.MinValue, int.MaxValue, double.MaxValue, Array.Empty<byte>(), new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified), Guid.Empty],
        ["", -1L, -7, -0.0, new byte[512], new DateTime(2026, 11, 30, 0, 0, 0, 120, DateTimeKind.Local), Guid.Parse("00000000-0000-0000-0000-0000000000ff")],
        [DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value],
    ];

    [Fact]
    public void Rows_are_stored_as_a_sqlite_command_stores_them()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE byCommand (t TEXT, l INTEGER, i INTEGER, d REAL, b BLOB, w TEXT, g TEXT); CREATE TABLE positional (t TEXT, l INTEGER, i INTEGER, d REAL, b BLOB, w TEXT, g TEXT)");
        foreach (var row in Rows)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO byCommand VALUES ($0, $1, $2, $3, $4, $5, $6)";
            for (var c = 0; c < row.Length; c++)
            {
                // As the bulk writer did through SqliteCommand: a Guid as upper-case text.
                command.Parameters.AddWithValue($"${c}", row[c] is Guid guid ? guid.ToString().ToUpperInvariant() : row[c]);
            }

            command.ExecuteNonQuery();
        }

        using (var twoRows = new SqliteInsert(connection, "positional", columns: 7, rows: 2))
        {
            twoRows.Run(Rows[..2]);
            twoRows.Run(Rows[2..]); // the same statement again, after a reset
        }

        var expected = Dump(connection, "byCommand");
        Assert.Equal(4, expected.Count);
        Assert.Contains("text:'2026-11-30 05:29:40.4765792'", expected[0]);
        Assert.Equal(expected, Dump(connection, "positional"));
    }

    [Fact]
    public void A_wrong_number_of_values_is_refused()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t (a INTEGER, b INTEGER)");
        using var insert = new SqliteInsert(connection, "t", columns: 2, rows: 2);

        Assert.Throws<ArgumentException>(() => insert.Run([[1L, 2L]]));
    }

    [Fact]
    public void A_constraint_violation_throws_a_sqlite_exception()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t (a INTEGER PRIMARY KEY)");
        using var insert = new SqliteInsert(connection, "t", columns: 1, rows: 1);
        insert.Run([[1L]]);

        Assert.Throws<SqliteException>(() => insert.Run([[1L]]));
        insert.Run([[2L]]); // the statement is usable again after an error
        Assert.Equal(2, Dump(connection, "t", "a").Count);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Storage class and SQL literal of every value: the bytes SQLite keeps, not how a reader converts them.
    private static List<string> Dump(SqliteConnection connection, string table, string columns = "t, l, i, d, b, w, g")
    {
        using var command = connection.CreateCommand();
        var values = string.Join(" || '|' || ", columns.Split(", ").Select(c => $"typeof({c}) || ':' || quote({c})"));
        command.CommandText = $"SELECT {values} FROM {table} ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }
}
