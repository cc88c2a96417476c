namespace Sessions.Storage;

/// <summary>Bound from the <c>Database</c> section; SQLite in a local data folder unless configured otherwise.</summary>
public class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/sessions.db";

    /// <summary>Apply pending migrations at start-up. Safe with several processes: EF Core takes a migration lock.</summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>
    /// The page size of a SQLite database created by the migration step (a power of two, 512 to 65536). It cannot change
    /// once the database holds its first page, so existing databases keep theirs. Larger pages mean fewer pages, WAL frames
    /// and system calls for the same rows — a contributed-data import writes about six times its input in one transaction —
    /// at the price of more bytes per small commit.
    /// </summary>
    public int SqlitePageBytes { get; set; } = 16384;

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem() =>
        SqlitePageBytes is < 512 or > 65536 || (SqlitePageBytes & (SqlitePageBytes - 1)) != 0
            ? $"Database:SqlitePageBytes must be a power of two from 512 to 65536 (was {SqlitePageBytes})"
            : null;
}

public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
}
