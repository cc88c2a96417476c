using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Contributions;

/// <summary>
/// Finds imports left "running" by a process that no longer runs (SIGKILL, a crash, a power cut) and marks them failed.
/// A heartbeat cannot work here: the import's one transaction holds the row (PostgreSQL) or the whole file (SQLite) until
/// it ends. So the row names its process instead (<see cref="IntegrationRecord.Owner"/>): on the same machine a
/// dead process (or a pid reused by another) is certain; a row of another machine counts as abandoned after
/// <see cref="ContributionOptions.AbandonedAfter"/>. Rows without an owner belong to the bus consumer, whose
/// redelivered command restarts them, and are left alone.
/// </summary>
public static class IntegrationLease
{
    public const string AbandonedError = "cancelled: abandoned — the importing process ended without finishing (killed or crashed); nothing it read was committed";

    /// <summary>This process, as stored in <see cref="IntegrationRecord.Owner"/>.</summary>
    public static string CurrentOwner { get; } = OwnerOf(Environment.MachineName, Environment.ProcessId, Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks);

    public static string OwnerOf(string machine, int pid, long startTicks) => $"{machine}/{pid}/{startTicks}";

    public static async Task<int> RecoverAbandonedAsync(SessionsDbContext db, DateTime now, TimeSpan abandonedAfter, CancellationToken ct)
    {
        var running = await db.Integrations.Where(i => i.Status == IntegrationStatus.Running && i.Owner != null).ToListAsync(ct);
        var abandoned = running.Where(i => IsAbandoned(i.Owner!, i.StartedAt, now, abandonedAfter)).ToList();
        foreach (var record in abandoned)
        {
            // Only while still running: an attempt that finished meanwhile keeps its outcome.
            await db.Integrations.Where(i => i.Id == record.Id && i.Status == IntegrationStatus.Running && i.Owner == record.Owner)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, IntegrationStatus.Failed)
                    .SetProperty(i => i.Error, AbandonedError)
                    .SetProperty(i => i.FinishedAt, now), ct);
        }

        return abandoned.Count;
    }

    public static bool IsAbandoned(string owner, DateTime startedAt, DateTime now, TimeSpan abandonedAfter)
    {
        var parts = owner.Split('/');
        if (parts.Length != 3 || !int.TryParse(parts[1], out var pid) || !long.TryParse(parts[2], out var ticks))
        {
            return now - startedAt > abandonedAfter;
        }

        if (!string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return now - startedAt > abandonedAfter;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || process.StartTime.ToUniversalTime().Ticks != ticks;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true; // it exited while being looked at
        }
    }
}
