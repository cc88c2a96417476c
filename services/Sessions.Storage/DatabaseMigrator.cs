using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sessions.Storage;

/// <summary>
/// The one step that applies migrations, before the bus starts. EF Core holds a migration lock
/// (an advisory lock on PostgreSQL, a lock table on SQLite), so processes starting together do not race.
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public static readonly ActivitySource ActivitySource = new("Sessions.Storage");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplyMigrations)
        {
            logger.LogInformation("Database:ApplyMigrations is off; expecting an already migrated database");
            return;
        }

        await MigrateAsync(services, cancellationToken);
        logger.LogInformation("Database ready ({Provider})", options.Value.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var sqlitePageBytes = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqlitePageBytes;
        using var activity = ActivitySource.StartActivity("Migrate database");
        await using var scope = services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SessionsDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        // EF Core's own migration lock was seen letting two processes apply the same migration to a fresh
        // PostgreSQL database, so every migration runs under a lock of ours that spans the whole step.
        await using var migrationLock = await MigrationLock.AcquireAsync(db, cancellationToken);
        if (db.Database.IsSqlite())
        {
            // The page size only takes on a database without pages yet (set before WAL, which writes the first one);
            // WAL lets readers and one writer work at once across processes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            var pageSize = "PRAGMA page_size=" + sqlitePageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";"; // an int, checked at registration
            await db.Database.ExecuteSqlRawAsync(pageSize, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
