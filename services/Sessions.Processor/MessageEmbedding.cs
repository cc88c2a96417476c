namespace Sessions.Processor;

public sealed record MessageEmbedding(int MessageIndex, float[] Vector);
