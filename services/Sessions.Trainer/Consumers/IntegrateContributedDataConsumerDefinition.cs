using Sessions.ServiceDefaults;

namespace Sessions.Trainer.Consumers;

/// <summary>One import at a time per process: an import is one long transaction over the whole file.</summary>
public sealed class IntegrateContributedDataConsumerDefinition : PipelineConsumerDefinition<IntegrateContributedDataConsumer>
{
    public IntegrateContributedDataConsumerDefinition() => ConcurrentMessageLimit = 1;
}
