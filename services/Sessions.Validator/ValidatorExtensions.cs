using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sessions.ServiceDefaults;
using Sessions.Storage;
using Microsoft.Extensions.AI;
using Sessions.Embeddings;
using Sessions.Text;
using Sessions.Text.Tokenization;
using Sessions.Validator.Augmentation;
using Sessions.Validator.Consumers;
using Sessions.Validator.Deduplication;
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
        services.AddSingleton<ExampleValidator>();
        services.AddScoped<ValidationCorpusLoader>();
        services.Configure<AugmentationOptions>(configuration.GetSection(AugmentationOptions.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AugmentationOptions>>().Value);
        services.AddSingleton(sp => new EdaAugmenter(sp.GetRequiredService<AugmentationOptions>()));
        services.AddSingleton(sp => new ParentDistanceFilter(sp.GetRequiredService<AugmentationOptions>()));
        services.TryAddSingleton<ITokenCounter>(WordPieceTokenizer.BertBaseUncased);
        // The processor's generator and settings (Processor:Embeddings): copies are compared with their parent in the same space.
        services.TryAddSingleton(sp => configuration.GetSection("Processor:Embeddings").Get<EmbeddingOptions>() ?? new EmbeddingOptions());
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => EmbeddingGenerators.Create(sp.GetRequiredService<EmbeddingOptions>()));
        services.AddSingleton<ExampleAugmentation>();
        services.AddSingleton<ValidatorMetrics>();
        return services;
    }

    public static IBusRegistrationConfigurator AddValidatorConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SessionProcessedConsumer, SessionProcessedConsumerDefinition>();
        return bus;
    }
}
