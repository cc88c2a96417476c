using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sessions.Storage;

/// <summary>Chooses the EF Core provider from configuration.</summary>
public static class StorageProviders
{
    // `ids.Contains(x)` as one array parameter (PostgreSQL `= ANY(@ids)`, SQLite `json_each(@ids)`) rather than EF Core 10's
    // default of one parameter per element: the validator's term and band-key lookups carry hundreds, and building and
    // binding that SQL per query was a visible share of its CPU under load.
    private const ParameterTranslationMode OneCollectionParameter = ParameterTranslationMode.Parameter;

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        // The migrations are written by hand (EF Core's Design package does not restore here), so there is no
        // model snapshot to compare against; MigrationSchemaTests checks the migrated schema against the model instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        if (string.Equals(options.Provider, DatabaseProvider.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            return builder.UseNpgsql(options.ConnectionString, o => o.UseParameterizedCollectionMode(OneCollectionParameter));
        }

        if (string.Equals(options.Provider, DatabaseProvider.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return builder.UseSqlite(PrepareSqlite(options.ConnectionString), o => o.UseParameterizedCollectionMode(OneCollectionParameter))
                .AddInterceptors(SqliteBusyTimeout.Instance);
        }

        throw new InvalidOperationException(
            $"Unknown Database:Provider '{options.Provider}'. Use '{DatabaseProvider.Sqlite}' or '{DatabaseProvider.Postgres}'.");
    }

    public static bool IsSqlite(this DatabaseOptions options) =>
        string.Equals(options.Provider, DatabaseProvider.Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates the data folder and gives writers a generous busy timeout, so concurrent consumers wait instead of failing with "database is locked".</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } path && path != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        if (csb.DefaultTimeout == 30)
        {
            csb.DefaultTimeout = 60;
        }

        return csb.ToString();
    }
}
