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
using Sessions.Deduplication;

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
        // The shared redaction, tokenizer, embedder and dedupe settings: contributed rows get what sessions get.
        services.TryAddSingleton(RedactionConfiguration.Read(configuration));
        services.TryAddSingleton<PiiRedactor>();
        // Budgets in the fine-tuning target's tokenizer: Tokens:Encoding, o200k_base by default (cl100k_base for GPT-4/3.5).
        services.TryAddSingleton<ITokenCounter>(_ => TiktokenTokenCounter.For(configuration["Tokens:Encoding"]));
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
