using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sessions.Storage;

namespace Sessions.Admin.Commands;

/// <summary>
/// Before a command writes: a database never migrated is migrated, as the services do at start (unless
/// <c>Database:ApplyMigrations</c> is off); one that cannot be reached is one line naming it, not a stack trace.
/// </summary>
public static class DatabaseReady
{
    /// <returns>Null when the database is ready; otherwise the one line to print.</returns>
    public static async Task<string?> EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.ApplyMigrations) return null; // the import's own error then says to run sessions-admin migrate
        try
        {
            await DatabaseMigrator.MigrateAsync(services, ct);
            return null;
        }
        catch (Exception ex) when (ex is DbException or IOException or TimeoutException or InvalidOperationException)
        {
            return $"the {options.Provider} database is not reachable or cannot be migrated: {ex.GetBaseException().Message}";
        }
    }
}
