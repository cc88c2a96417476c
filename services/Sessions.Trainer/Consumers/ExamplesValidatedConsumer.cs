using MassTransit;
using Sessions.Contracts;
using Sessions.Trainer.Triggering;

namespace Sessions.Trainer.Consumers;

/// <summary>The automatic trigger: new validated data may meet the threshold. Records the decision only; the worker runs it.</summary>
public sealed class ExamplesValidatedConsumer(TrainingRequests requests) : IConsumer<ExamplesValidated>
{
    public async Task Consume(ConsumeContext<ExamplesValidated> context)
    {
        var message = context.Message;
        var outcome = await requests.RequestAsync(
            new TrainingRequest(message.ModelName, TrainingType.All, TriggerKind.Auto, Force: false, RequestedBy: "pipeline"),
            context.CancellationToken);
        await context.Publish((object?)outcome.Queued ?? outcome.Skipped!, context.CancellationToken);
    }
}
