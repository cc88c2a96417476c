using MassTransit;
using Sessions.Contracts;
using Sessions.Trainer.Triggering;

namespace Sessions.Trainer.Consumers;

/// <summary>Committed contributed data is new data: the same automatic trigger as <see cref="ExamplesValidatedConsumer"/>.</summary>
public sealed class ContributedDataIntegratedConsumer(TrainingRequests requests) : IConsumer<ContributedDataIntegrated>
{
    public async Task Consume(ConsumeContext<ContributedDataIntegrated> context)
    {
        var outcome = await requests.RequestAsync(
            new TrainingRequest(context.Message.ModelName, TrainingType.All, TriggerKind.Auto, Force: false, RequestedBy: "contributed-data"),
            context.CancellationToken);
        await context.Publish((object?)outcome.Queued ?? outcome.Skipped!, context.CancellationToken);
    }
}
