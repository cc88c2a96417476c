using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sessions.Contributions.Backfill;
using Sessions.Datasets;
using Sessions.Embeddings;
using Sessions.Text;
using Sessions.Text.Redaction;
using Sessions.Text.Tokenization;
using Sessions.Validator.Deduplication;

namespace Sessions.Contributions;

public static class ContributionsExtensions
{
    /// <summary>What imports and rolls back contributed data; the trainer's consumer and the admin tool use it.</summary>
    public static IServiceCollection AddContributionServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        var contributions = configuration.GetSection(ContributionOptions.SectionName).Get<ContributionOptions>() ?? new ContributionOptions();
        if (contributions.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        services.TryAddSingleton(contributions);
        services.TryAddSingleton(configuration.GetSection("Datasets:Import").Get<DatasetImportOptions>() ?? new DatasetImportOptions());
        // The processor's redaction, tokenizer and embedder settings, and the validator's dedupe settings: contributed rows get what sessions get.
        services.TryAddSingleton(configuration.GetSection("Processor:Redaction").Get<RedactionOptions>() ?? new RedactionOptions());
        services.TryAddSingleton<PiiRedactor>();
        services.TryAddSingleton<ITokenCounter>(WordPieceTokenizer.BertBaseUncased);
        services.TryAddSingleton(_ => EmbeddingConfiguration.Read(configuration));
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => EmbeddingGenerators.Create(sp.GetRequiredService<EmbeddingOptions>()));
        services.TryAddSingleton(configuration.GetSection(DeduplicationOptions.SectionName).Get<DeduplicationOptions>() ?? new DeduplicationOptions());
        services.TryAddSingleton<ContributedExampleBuilder>();
        services.TryAddSingleton<ContributedEmbeddings>();
        services.TryAddSingleton<ContributedDataIntegration>();
        services.TryAddSingleton<IntegrationRollback>();
        services.TryAddSingleton<EmbeddingBackfill>();
        return services;
    }
}
