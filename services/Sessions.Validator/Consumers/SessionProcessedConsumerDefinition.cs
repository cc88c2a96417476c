using Sessions.ServiceDefaults;

namespace Sessions.Validator.Consumers;

public sealed class SessionProcessedConsumerDefinition : PipelineConsumerDefinition<SessionProcessedConsumer>;
