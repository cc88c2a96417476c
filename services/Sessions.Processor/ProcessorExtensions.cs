using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sessions.Processor.Consumers;
using Sessions.Embeddings;
using Sessions.Processor.Enrichment;
using Sessions.Processor.Examples;
using Sessions.Processor.Requirements;
using Sessions.ServiceDefaults;
using Sessions.Storage;
using Sessions.Text;
using Sessions.Text.Tokenization;
using Sessions.Text.Redaction;

namespace Sessions.Processor;

public static class ProcessorExtensions
{
    // One client for every HTTP source: each request carries its own timeout.
    private static readonly HttpClient EnrichmentHttp = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The processor as its own service: its logic, its storage and its consumers on the configured bus.</summary>
    public static IHostApplicationBuilder AddProcessor(this IHostApplicationBuilder builder)
    {
        builder.AddSessionsStorage();
        builder.Services.AddProcessorServices(builder.Configuration);
        builder.AddSessionsMessaging(x => x.AddProcessorConsumers());
        return builder;
    }

    public static IServiceCollection AddProcessorServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProcessorOptions>(configuration.GetSection(ProcessorOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITokenCounter>(WordPieceTokenizer.BertBaseUncased);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProcessorOptions>>().Value.Requirements);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProcessorOptions>>().Value.Examples);
        // The Embeddings section (Processor:Embeddings still read), shared with the validator and the trainer.
        services.TryAddSingleton(_ => EmbeddingConfiguration.Read(configuration));
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => EmbeddingGenerators.Create(sp.GetRequiredService<EmbeddingOptions>()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProcessorOptions>>().Value.Redaction);
        services.AddSingleton<PiiRedactor>();
        services.AddSingleton<IEnumerable<IEnrichmentSource>>(sp => sp.GetRequiredService<IOptions<ProcessorOptions>>().Value.Enrichment.Sources
            .Select(o => new HttpEnrichmentSource(EnrichmentHttp, o)).ToList());
        services.AddSingleton<SessionRequirements>();
        services.AddSingleton<ExampleCutter>();
        services.AddSingleton<ProcessorMetrics>();
        services.AddSingleton<SessionIntake>();
        return services;
    }

    public static IBusRegistrationConfigurator AddProcessorConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SessionEndedConsumer, SessionEndedConsumerDefinition>();
        return bus;
    }
}
