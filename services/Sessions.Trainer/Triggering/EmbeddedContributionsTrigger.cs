using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Contracts;
using Sessions.Contributions.Backfill;

namespace Sessions.Trainer.Triggering;

/// <summary>
/// Contributed rows become training data when their embeddings are in: the backfill's end is new data, with the same
/// automatic trigger (and the same published outcome) as a committed integration.
/// </summary>
public sealed class EmbeddedContributionsTrigger(IServiceScopeFactory scopes, IBus bus) : IEmbeddingsReady
{
    public async Task ReadyAsync(IReadOnlyCollection<string> models, CancellationToken ct)
    {
        foreach (var model in models)
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<TrainingRequests>().RequestAsync(
                new TrainingRequest(model, TrainingType.All, TriggerKind.Auto, Force: false, RequestedBy: "embedding-backfill"), ct);
            await bus.Publish((object?)outcome.Queued ?? outcome.Skipped!, ct);
        }
    }
}
