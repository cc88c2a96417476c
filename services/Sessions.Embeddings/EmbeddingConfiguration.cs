using Microsoft.Extensions.Configuration;

namespace Sessions.Embeddings;

/// <summary>
/// Reads <see cref="EmbeddingOptions"/> from the <c>Embeddings</c> section. The section used to live under
/// <c>Processor:Embeddings</c>; those keys are still read, and a key set in both places takes the new section's value.
/// </summary>
public static class EmbeddingConfiguration
{
    public const string LegacySectionName = "Processor:Embeddings";

    public static EmbeddingOptions Read(IConfiguration configuration)
    {
        var options = new EmbeddingOptions();
        configuration.GetSection(LegacySectionName).Bind(options);
        configuration.GetSection(EmbeddingOptions.SectionName).Bind(options);
        return options;
    }
}
