using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sessions.Storage;
using Sessions.Validator.Quality;

namespace Sessions.Validator.Validation;

/// <summary>
/// Writes <see cref="PendingCorpusStatistics"/> every <see cref="QualityOptions.StatisticsFlushInterval"/> (and once
/// more on shutdown), one transaction per model. A failed write puts the changes back for the next attempt. A crash
/// loses at most one interval of statistics, never a verdict: the statistics only steer later checks.
/// </summary>
public sealed class CorpusStatisticsFlusher(
    PendingCorpusStatistics pending, IServiceScopeFactory scopes, QualityOptions options, ILogger<CorpusStatisticsFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.StatisticsFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        foreach (var (model, changes) in pending.Take())
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await scope.ServiceProvider.GetRequiredService<CorpusStatisticsStore>().AddAsync(model, changes, ct);
                await transaction.CommitAsync(ct);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or OperationCanceledException)
            {
                pending.Add(model, changes);
                logger.LogWarning(ex, "Quality statistics of model {Model} not written yet; retrying at the next interval", model);
                if (ex is OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
