using Microsoft.Extensions.AI;
using Sessions.Embeddings.MiniLm;

namespace Sessions.Embeddings;

/// <summary>The configured embedding generator: all-MiniLM-L6-v2 in process (default), an OpenAI-compatible endpoint, or the lexical one.</summary>
public static class EmbeddingGenerators
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options) => options.Provider.ToLowerInvariant() switch
    {
        EmbeddingOptions.MiniLm => CreateMiniLm(options),
        EmbeddingOptions.Lexical => new LexicalHashingEmbeddingGenerator(options.Dimensions, options.Model),
        EmbeddingOptions.OpenAi => new OpenAiEmbeddingGenerator(
            new HttpClient
            {
                // A trailing slash, so that "embeddings" is appended to ".../v1/" rather than replacing "v1".
                BaseAddress = new Uri((options.Endpoint ?? throw new InvalidOperationException(
                    "Embeddings:Endpoint is required for the openai provider")).ToString().TrimEnd('/') + "/"),
                Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout
            },
            options),
        _ => throw new InvalidOperationException($"Unknown Embeddings:Provider '{options.Provider}'. Use 'minilm', 'openai' or 'lexical'."),
    };

    private static MiniLmEmbeddingGenerator CreateMiniLm(EmbeddingOptions options)
    {
        if (!string.Equals(options.Model, MiniLmModel.Name, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Model, "sentence-transformers/" + MiniLmModel.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Embeddings:Model '{options.Model}' is not packaged: the minilm provider runs {MiniLmModel.Name} only (use Embeddings:Provider=openai for another model)");
        }

        if (options.Dimensions != MiniLmModel.Dimensions)
        {
            throw new InvalidOperationException($"Embeddings:Dimensions is {options.Dimensions}, but {MiniLmModel.Name} makes {MiniLmModel.Dimensions}-dimensional vectors");
        }

        return new MiniLmEmbeddingGenerator(options);
    }
}
