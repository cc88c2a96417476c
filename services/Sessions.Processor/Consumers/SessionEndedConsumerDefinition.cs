using Sessions.ServiceDefaults;

namespace Sessions.Processor.Consumers;

public sealed class SessionEndedConsumerDefinition : PipelineConsumerDefinition<SessionEndedConsumer>;
