namespace Sessions.Contracts;

/// <summary>A session was accepted and its fine-tuning examples and embeddings are stored.</summary>
public record SessionProcessed(string SessionId, string ModelName, int ExampleCount, int EmbeddingCount);
