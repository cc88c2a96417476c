namespace Sessions.Embeddings;

/// <summary>Which embedding generator to use, bound from <c>Processor:Embeddings</c> by the processor and the validator alike.</summary>
public class EmbeddingOptions
{
    /// <summary><c>lexical</c> (built in, the default) or <c>openai</c> (any OpenAI-compatible <c>/v1/embeddings</c> endpoint).</summary>
    public string Provider { get; set; } = "lexical";
    public string Model { get; set; } = LexicalHashingEmbeddingGeneratorName;
    public int Dimensions { get; set; } = 384;
    public int BatchSize { get; set; } = 32;
    public int MaxTokens { get; set; } = 512;
    /// <summary>When embeddings fail the message is retried (then the error queue); off, the session is stored with a lower data-quality score.</summary>
    public bool Required { get; set; } = true;

    public const string LexicalHashingEmbeddingGeneratorName = "lexical-hashing-384";

    /// <summary>Base address of the OpenAI-compatible API, for example <c>http://127.0.0.1:11434/v1/</c> (Ollama).</summary>
    public Uri? Endpoint { get; set; }
    /// <summary>Sent as a bearer token when set; from configuration or environment, never committed.</summary>
    public string? ApiKey { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Retries after a 429, a 5xx, a timeout or a broken connection, with exponential backoff.</summary>
    public int MaxRetries { get; set; } = 4;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
