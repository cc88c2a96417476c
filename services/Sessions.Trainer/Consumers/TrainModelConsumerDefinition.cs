using Sessions.ServiceDefaults;

namespace Sessions.Trainer.Consumers;

public sealed class TrainModelConsumerDefinition : PipelineConsumerDefinition<TrainModelConsumer>;
