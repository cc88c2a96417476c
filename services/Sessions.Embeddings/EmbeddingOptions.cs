using Sessions.Embeddings.MiniLm;

namespace Sessions.Embeddings;

/// <summary>
/// Which embedding generator to use, bound from the <c>Embeddings</c> section (see <see cref="EmbeddingConfiguration"/>)
/// by every service that embeds: the processor (messages), the validator (augmented copies), the trainer (imports).
/// </summary>
public class EmbeddingOptions
{
    public const string SectionName = "Embeddings";
    public const string MiniLm = "minilm";
    public const string Lexical = "lexical";
    public const string OpenAi = "openai";
    public const string LexicalHashingEmbeddingGeneratorName = "lexical-hashing-384";

    private string? _model;

    /// <summary>
    /// <c>minilm</c> (the default: all-MiniLM-L6-v2 in process), <c>openai</c> (any OpenAI-compatible <c>/v1/embeddings</c>
    /// endpoint) or <c>lexical</c> (hashed words, for load tests and pipeline benchmarks only).
    /// </summary>
    public string Provider { get; set; } = MiniLm;

    /// <summary>The model name stored with every vector; by default the provider's own (<c>all-MiniLM-L6-v2</c>, <c>lexical-hashing-384</c>).</summary>
    public string Model
    {
        get => _model ?? DefaultModel(Provider);
        set => _model = string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public int Dimensions { get; set; } = 384;
    public int BatchSize { get; set; } = 32;
    /// <summary>Word pieces of a text that are embedded (minilm: up to two 256-piece windows); the rest is dropped and counted.</summary>
    public int MaxTokens { get; set; } = 512;
    /// <summary>ONNX Runtime threads per model run (minilm); 0 lets ONNX Runtime choose (one per core).</summary>
    public int Threads { get; set; }
    /// <summary>When embeddings fail the message is retried (then the error queue); off, the session is stored with a lower data-quality score.</summary>
    public bool Required { get; set; } = true;

    /// <summary>Base address of the OpenAI-compatible API, for example <c>http://127.0.0.1:11434/v1/</c> (Ollama).</summary>
    public Uri? Endpoint { get; set; }
    /// <summary>Sent as a bearer token when set; from configuration or environment, never committed.</summary>
    public string? ApiKey { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Retries after a 429, a 5xx, a timeout or a broken connection, with exponential backoff.</summary>
    public int MaxRetries { get; set; } = 4;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    private static string DefaultModel(string provider) => provider.ToLowerInvariant() switch
    {
        Lexical => LexicalHashingEmbeddingGeneratorName,
        _ => MiniLmModel.Name,
    };
}
