using MassTransit;
using Sessions.Contracts;
using Sessions.Contributions;

namespace Sessions.Trainer.Consumers;

/// <summary>
/// Imports a contributed data set, all or nothing, and publishes the outcome. A redelivery of a finished integration
/// does nothing again and re-publishes its outcome. A bad file is not an exception here: it ends as <see cref="ContributedDataFailed"/>.
/// </summary>
public sealed class IntegrateContributedDataConsumer(ContributedDataIntegration integration) : IConsumer<IntegrateContributedData>
{
    public async Task Consume(ConsumeContext<IntegrateContributedData> context)
    {
        var message = context.Message;
        // Cancelled when the endpoint stops (Messaging:ConsumerStopTimeout): the command comes back and starts over.
        var report = await integration.IntegrateAsync(IntegrationRequest.From(message), ct: context.CancellationToken, redeliveredWhenCancelled: true);
        object outcome = report.Succeeded
            ? new ContributedDataIntegrated(report.IntegrationId, message.ModelName, report.RowsRead, report.Accepted, report.Rejected,
                report.DuplicatesInFile + report.DuplicatesExisting, report.RejectedByCode.ToDictionary(c => c.Key, c => (int)Math.Min(c.Value, int.MaxValue)))
            : new ContributedDataFailed(report.IntegrationId, message.ModelName, report.Error ?? $"{report.Status}: the integration did not commit");
        await context.Publish(outcome, context.CancellationToken);
    }
}
