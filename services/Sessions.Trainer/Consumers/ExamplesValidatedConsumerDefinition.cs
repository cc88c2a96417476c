using MassTransit;
using Sessions.ServiceDefaults;

namespace Sessions.Trainer.Consumers;

/// <summary>Up to 100 validated sessions per decision, waiting at most half a second for them to gather.</summary>
public sealed class ExamplesValidatedConsumerDefinition : PipelineConsumerDefinition<ExamplesValidatedConsumer>
{
    public const int BatchSize = 100;

    // A batch can only fill up to what the broker has handed over: at least one batch's worth.
    public ExamplesValidatedConsumerDefinition() => Endpoint(e => e.PrefetchCount = BatchSize * 2);

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ExamplesValidatedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(BatchSize).SetTimeLimit(TimeSpan.FromMilliseconds(500)));
    }
}
