using Sessions.ServiceDefaults;

namespace Sessions.Trainer.Consumers;

public sealed class ExamplesValidatedConsumerDefinition : PipelineConsumerDefinition<ExamplesValidatedConsumer>;
