using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Trainer.Runs;

/// <summary>
/// A running run's lease: claimed with the run, renewed from its own context while the run works (a DbContext serves
/// one operation at a time), and read by <see cref="TrainingRunner.RecoverAbandonedAsync"/> when a crashed worker let it lapse.
/// </summary>
public sealed class RunLease(IDbContextFactory<SessionsDbContext> databases, TrainerOptions options, TimeProvider clock, ILogger<RunLease> logger)
{
    /// <summary>Moves a queued run to running with a fresh lease; false when another worker took it first.</summary>
    public async Task<bool> ClaimAsync(SessionsDbContext db, Guid runId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.TrainingRuns
            .Where(r => r.Id == runId && r.Status == TrainingRunStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, TrainingRunStatus.Running)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.LeaseExpiresAt, now + options.RunLease), ct);
        return claimed > 0;
    }

    /// <summary>Renews the lease every third of its length until <paramref name="ct"/> says the run ended.</summary>
    public async Task KeepAliveAsync(Guid runId, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.RunLease / 3, ct);
                await using var renewalDb = await databases.CreateDbContextAsync(ct);
                var until = clock.GetUtcNow().UtcDateTime + options.RunLease;
                await renewalDb.TrainingRuns.Where(r => r.Id == runId && r.Status == TrainingRunStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAt, until), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // the run ended
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not renew the lease of run {RunId}; it may be marked abandoned", runId);
        }
    }
}
