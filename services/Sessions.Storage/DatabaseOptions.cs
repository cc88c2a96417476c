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
}

public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
}
