using MassTransit;
using Sessions.Contracts;
using Sessions.Trainer.Triggering;

namespace Sessions.Trainer.Consumers;

/// <summary>
/// The automatic trigger: new validated data may meet the threshold. Records the decision only; the worker runs it.
/// Validated sessions arrive in batches and each model in a batch is decided once: the decision depends on the
/// model's state, not on which session asked, and deciding per session cost the trainer more CPU under load than
/// the rest of its work. Every <see cref="ExamplesValidated"/> still gets its answer (its model's decision), as callers
/// that count answers expect.
/// </summary>
public sealed class ExamplesValidatedConsumer(TrainingRequests requests) : IConsumer<Batch<ExamplesValidated>>
{
    public async Task Consume(ConsumeContext<Batch<ExamplesValidated>> context)
    {
        var decisions = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var validated in context.Message)
        {
            var model = validated.Message.ModelName;
            if (!decisions.TryGetValue(model, out var decision))
            {
                var outcome = await requests.RequestAsync(
                    new TrainingRequest(model, TrainingType.All, TriggerKind.Auto, Force: false, RequestedBy: "pipeline"),
                    context.CancellationToken);
                decisions[model] = decision = (object?)outcome.Queued ?? outcome.Skipped!;
            }

            await context.Publish(decision, context.CancellationToken);
        }
    }
}
