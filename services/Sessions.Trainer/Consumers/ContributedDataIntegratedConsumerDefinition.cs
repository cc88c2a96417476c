using Sessions.ServiceDefaults;

namespace Sessions.Trainer.Consumers;

public sealed class ContributedDataIntegratedConsumerDefinition : PipelineConsumerDefinition<ContributedDataIntegratedConsumer>;
