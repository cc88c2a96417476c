using MassTransit;

namespace Sessions.Processor.Consumers;

public sealed class SessionEndedConsumerDefinition : ConsumerDefinition<SessionEndedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SessionEndedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Transient database errors (and a competing copy of the same session) are retried; then the error queue.
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000, 2000, 5000));
        // Events leave only after the consumer (and its SaveChanges) succeeded.
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
