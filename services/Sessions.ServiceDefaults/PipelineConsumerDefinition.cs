using MassTransit;

namespace Sessions.ServiceDefaults;

/// <summary>
/// The endpoint policy every pipeline consumer shares: transient failures (a database hiccup, or a competing
/// consumer winning a unique index) are retried at growing intervals, then the message goes to the error queue;
/// events leave through the in-memory outbox only after the consumer, and its SaveChanges, succeeded.
/// </summary>
public abstract class PipelineConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000, 2000, 5000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
