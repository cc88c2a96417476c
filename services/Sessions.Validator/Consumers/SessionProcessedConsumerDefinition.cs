using MassTransit;

namespace Sessions.Validator.Consumers;

public sealed class SessionProcessedConsumerDefinition : ConsumerDefinition<SessionProcessedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SessionProcessedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Transient database errors, and a competing validator accepting the same text first, are retried.
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000, 2000, 5000));
        // Events leave only after the consumer (and its SaveChanges) succeeded.
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
