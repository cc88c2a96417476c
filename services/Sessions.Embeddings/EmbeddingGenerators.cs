using Microsoft.Extensions.AI;

namespace Sessions.Embeddings;

/// <summary>The configured embedding generator: the built-in lexical one, or an OpenAI-compatible endpoint.</summary>
public static class EmbeddingGenerators
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options) => options.Provider.ToLowerInvariant() switch
    {
        "lexical" => new LexicalHashingEmbeddingGenerator(options.Dimensions, options.Model),
        "openai" => new OpenAiEmbeddingGenerator(
            new HttpClient
            {
                // A trailing slash, so that "embeddings" is appended to ".../v1/" rather than replacing "v1".
                BaseAddress = new Uri((options.Endpoint ?? throw new InvalidOperationException(
                    "Processor:Embeddings:Endpoint is required for the openai provider")).ToString().TrimEnd('/') + "/"),
                Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout
            },
            options),
        _ => throw new InvalidOperationException($"Unknown Processor:Embeddings:Provider '{options.Provider}'. Use 'lexical' or 'openai'."),
    };
}
