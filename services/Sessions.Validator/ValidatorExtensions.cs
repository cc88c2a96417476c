using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sessions.Deduplication;
using Sessions.Embeddings;
using Sessions.ServiceDefaults;
using Sessions.Storage;
using Sessions.Text;
using Sessions.Text.Tokenization;
using Sessions.Validator.Augmentation;
using Sessions.Validator.Consumers;
using Sessions.Validator.Quality;
using Sessions.Validator.Validation;

namespace Sessions.Validator;

public static class ValidatorExtensions
{
    public static IHostApplicationBuilder AddValidator(this IHostApplicationBuilder builder)
    {
        builder.AddSessionsStorage();
        builder.Services.AddValidatorServices(builder.Configuration);
        builder.AddSessionsMessaging(x => x.AddValidatorConsumers());
        return builder;
    }

    public static IServiceCollection AddValidatorServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ValidatorOptions>(configuration.GetSection(ValidatorOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ValidatorOptions>>().Value);
        services.Configure<DeduplicationOptions>(configuration.GetSection(DeduplicationOptions.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DeduplicationOptions>>().Value);
        services.Configure<QualityOptions>(configuration.GetSection(QualityOptions.SectionName));
        services.AddSingleton(sp =>
        {
            // One place configures the sequence bounds (Validator:Min/MaxSequenceTokens); the quality checks apply them.
            var quality = sp.GetRequiredService<IOptions<QualityOptions>>().Value;
            var limits = sp.GetRequiredService<ValidatorOptions>();
            quality.MinSequenceTokens = limits.MinSequenceTokens;
            quality.MaxSequenceTokens = limits.MaxSequenceTokens;
            return new QualityScorer(quality);
        });
        services.AddSingleton<ExampleValidator>();
        services.AddScoped<CorpusStatisticsStore>();
        services.AddSingleton<PendingCorpusStatistics>();
        services.AddSingleton<StoredCountersCache>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<QualityOptions>>().Value);
        services.AddSingleton<CorpusStatisticsFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<CorpusStatisticsFlusher>());
        services.AddScoped<ValidationCorpusLoader>();
        services.Configure<AugmentationOptions>(configuration.GetSection(AugmentationOptions.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AugmentationOptions>>().Value);
        services.AddSingleton(sp => new EdaAugmenter(sp.GetRequiredService<AugmentationOptions>()));
        // Budgets in the fine-tuning target's tokenizer: Tokens:Encoding, o200k_base by default (cl100k_base for GPT-4/3.5).
        services.TryAddSingleton<ITokenCounter>(_ => TiktokenTokenCounter.For(configuration["Tokens:Encoding"]));
        // The processor's generator and settings (the Embeddings section): copies are compared with their parent in the same space.
        services.TryAddSingleton(_ => EmbeddingConfiguration.Read(configuration));
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => EmbeddingGenerators.Create(sp.GetRequiredService<EmbeddingOptions>()));
        var paraphrase = configuration.GetSection(AugmentationOptions.SectionName).Get<AugmentationOptions>()?.Paraphrase;
        if (paraphrase is { Enabled: true })
        {
            // One client for the service's lifetime (the singleton owns it); the paraphraser applies its own timeout.
            services.AddSingleton<IParaphraser>(sp => new OpenAiChatParaphraser(
                new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, sp.GetRequiredService<AugmentationOptions>().Paraphrase));
        }

        services.AddSingleton(sp => new SnapshotAugmentor(
            sp.GetRequiredService<EdaAugmenter>(), SynonymLexicon.WordNet,
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), sp.GetRequiredService<ITokenCounter>(),
            sp.GetRequiredService<AugmentationOptions>(), sp.GetService<IParaphraser>()));
        services.AddSingleton<ValidatorMetrics>();
        return services;
    }

    public static IBusRegistrationConfigurator AddValidatorConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SessionProcessedConsumer, SessionProcessedConsumerDefinition>();
        bus.AddConsumer<AugmentSnapshotConsumer, AugmentSnapshotConsumerDefinition>();
        return bus;
    }
}
