using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sessions.Storage;

/// <summary>
/// Healthy only when the database answers a query on the schema: opening a connection is not enough (SQLite opens
/// a corrupt or foreign file without complaint and fails at the first read).
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<SessionsDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            _ = await db.Sessions.AsNoTracking().Select(s => s.SessionId).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var line = ex.GetBaseException().Message.Split('\n', 2)[0];
            return HealthCheckResult.Unhealthy($"the database does not answer a query: {line}");
        }
    }
}
