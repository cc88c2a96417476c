using System.Net.Sockets;

namespace Sessions.Admin;

/// <summary>One line for a database that cannot be reached or is not migrated, instead of a stack trace.</summary>
public static class DatabaseFailure
{
    public static string? Describe(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException pg when pg.SqlState == "42P01":
                    return $"the database is not migrated ({FirstLine(pg.MessageText)}) — run: sessions-admin migrate";
                case Microsoft.Data.Sqlite.SqliteException sqlite when sqlite.Message.Contains("no such table", StringComparison.Ordinal):
                    return $"the database is not migrated ({FirstLine(sqlite.Message)}) — run: sessions-admin migrate";
                case Npgsql.NpgsqlException or SocketException or TimeoutException:
                    return $"cannot reach the database: {FirstLine(e.Message)} — check Database__ConnectionString and that PostgreSQL is running";
                case Microsoft.Data.Sqlite.SqliteException sqlite:
                    return $"the SQLite database cannot be used: {FirstLine(sqlite.Message)} — check Database__ConnectionString";
            }
        }

        return null;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
