using Sessions.ServiceDefaults;

namespace Sessions.Validator.Consumers;

public sealed class AugmentSnapshotConsumerDefinition : PipelineConsumerDefinition<AugmentSnapshotConsumer>;
