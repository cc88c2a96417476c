using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sessions.Contributions.Backfill;

/// <summary>
/// Runs <see cref="EmbeddingBackfill"/> in a service until nothing is pending, then looks again every
/// <see cref="ContributionOptions.BackfillIdleSeconds"/>. Replicas share the queue safely; a stop mid-batch loses
/// only that batch's unsaved work, which the next start does again.
/// </summary>
public sealed class EmbeddingBackfillWorker(
    EmbeddingBackfill backfill, ContributionOptions options, TimeProvider clock, ILogger<EmbeddingBackfillWorker> logger, IEmbeddingsReady? ready = null)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromSeconds(options.BackfillIdleSeconds);
        long total = 0;
        var models = new HashSet<string>(StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            int embedded;
            try
            {
                var pass = await backfill.RunOnceAsync(stoppingToken);
                embedded = pass.Embedded;
                models.UnionWith(pass.Models);
                if (pass.Drained && models.Count > 0)
                {
                    logger.LogInformation("Embedding backfill: every waiting example is embedded ({Total} since start)", total + embedded);
                    if (ready is not null) await ready.ReadyAsync(models.ToList(), stoppingToken);
                    models.Clear();
                }

                if (pass.Contended) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database (or the embedding endpoint) is away, or not migrated yet: the queue waits, nothing is lost.
                logger.LogWarning(ex, "Embedding backfill pass failed; trying again in {Idle}", idle);
                embedded = 0;
            }

            total += embedded;
            if (embedded > 0)
            {
                logger.LogDebug("Embedding backfill: {Embedded} examples embedded ({Total} since start)", embedded, total);
                continue;
            }

            try
            {
                await Task.Delay(idle, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
