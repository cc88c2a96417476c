using MassTransit;

namespace Sessions.Trainer.Consumers;

public sealed class TrainModelConsumerDefinition : ConsumerDefinition<TrainModelConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TrainModelConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // A competing trainer queuing the model's run first violates the one-active-run index; the retry then coalesces.
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000, 2000, 5000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
