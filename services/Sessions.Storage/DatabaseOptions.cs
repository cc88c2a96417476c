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
    /// once the database holds its first page, so existing databases keep theirs. Two workloads pull apart: the
    /// pipeline's commits land in many index pages at random (content hashes, band keys), each written whole to the WAL
    /// and again at the checkpoint, so smaller pages suit it; a contributed-data import writes millions of rows in one
    /// transaction, where larger pages mean fewer pages and WAL frames. Measured (docs/benchmarks.md): 4096 gives 32
    /// sessions/s and a 200 MB import in 60 s, 8192 gives 30 and 55 s, 16384 gives 24–27 and 49 s. 8192 is the default;
    /// a database meant mostly for large imports can be made with 16384.
    /// </summary>
    public int SqlitePageBytes { get; set; } = 8192;

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem() =>
        SqlitePageBytes is < 512 or > 65536 || (SqlitePageBytes & (SqlitePageBytes - 1)) != 0
            ? $"Database:SqlitePageBytes must be a power of two from 512 to 65536 (was {SqlitePageBytes})"
            : null;
}
