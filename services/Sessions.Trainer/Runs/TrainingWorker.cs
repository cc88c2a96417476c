using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sessions.Trainer.Triggering;

namespace Sessions.Trainer.Runs;

/// <summary>Executes queued runs in the background, so a long run never holds a broker message.</summary>
public sealed class TrainingWorker(IServiceScopeFactory scopes, TrainingSignal signal, TrainerOptions options, ILogger<TrainingWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var runner = scope.ServiceProvider.GetRequiredService<TrainingRunner>();
                await runner.RecoverAbandonedAsync(stoppingToken);
                while (await runner.RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Training worker pass failed; retrying after {Interval}", options.PollInterval);
            }

            try
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
