using Microsoft.Extensions.Configuration;
using Sessions.Embeddings;

namespace Sessions.UnitTests.MiniLm;

public sealed class EmbeddingConfigurationTests
{
    [Fact]
    public void MiniLm_is_the_default_and_each_provider_names_its_own_model()
    {
        var options = EmbeddingConfiguration.Read(Configuration([]));
        Assert.Equal(("minilm", "all-MiniLM-L6-v2"), (options.Provider, options.Model));

        options = EmbeddingConfiguration.Read(Configuration(new() { ["Embeddings:Provider"] = "lexical" }));
        Assert.Equal("lexical-hashing-384", options.Model);
    }

    [Fact]
    public void The_old_Processor_Embeddings_keys_are_still_read_and_the_new_section_wins()
    {
        var options = EmbeddingConfiguration.Read(Configuration(new()
        {
            ["Processor:Embeddings:Provider"] = "lexical",
            ["Processor:Embeddings:BatchSize"] = "8",
            ["Embeddings:BatchSize"] = "64",
        }));

        Assert.Equal(("lexical", 64), (options.Provider, options.BatchSize));
    }

    [Fact]
    public void A_model_the_package_does_not_carry_is_refused_at_start_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmbeddingGenerators.Create(new EmbeddingOptions { Model = "bge-small-en" }));
        Assert.Contains("Embeddings:Model", error.Message);
        error = Assert.Throws<InvalidOperationException>(() => EmbeddingGenerators.Create(new EmbeddingOptions { Dimensions = 768 }));
        Assert.Contains("Embeddings:Dimensions", error.Message);
        error = Assert.Throws<InvalidOperationException>(() => EmbeddingGenerators.Create(new EmbeddingOptions { Provider = "word2vec" }));
        Assert.Contains("Embeddings:Provider", error.Message);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
