using MassTransit;
using Sessions.Contracts;
using Sessions.Trainer.Triggering;

namespace Sessions.Trainer.Consumers;

/// <summary>
/// The automatic trigger: new validated data may meet the threshold. Records the decision only; the worker runs it.
/// Validated sessions arrive in batches and each model in a batch is decided once: the decision depends on the
/// model's state, not on which session asked, and deciding per session cost the trainer more CPU under load than
/// the rest of its work.
/// </summary>
public sealed class ExamplesValidatedConsumer(TrainingRequests requests) : IConsumer<Batch<ExamplesValidated>>
{
    public async Task Consume(ConsumeContext<Batch<ExamplesValidated>> context)
    {
        foreach (var model in context.Message.Select(m => m.Message.ModelName).Distinct(StringComparer.Ordinal))
        {
            var outcome = await requests.RequestAsync(
                new TrainingRequest(model, TrainingType.All, TriggerKind.Auto, Force: false, RequestedBy: "pipeline"),
                context.CancellationToken);
            await context.Publish((object?)outcome.Queued ?? outcome.Skipped!, context.CancellationToken);
        }
    }
}
