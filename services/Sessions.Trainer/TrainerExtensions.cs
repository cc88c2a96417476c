using MassTransit;
using Sessions.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sessions.ServiceDefaults;
using Sessions.Storage;
using Sessions.Trainer.Adapters;
using Sessions.Trainer.Augmentation;
using Sessions.Trainer.Consumers;
using Sessions.Contributions;
using Sessions.Contributions.Backfill;
using Sessions.Contributions.Merging;
using Sessions.Trainer.FineTuning;
using Sessions.Trainer.Runs;
using Sessions.Trainer.Triggering;

namespace Sessions.Trainer;

public static class TrainerExtensions
{
    public static IHostApplicationBuilder AddTrainer(this IHostApplicationBuilder builder)
    {
        builder.AddSessionsStorage();
        builder.Services.AddTrainerServices(builder.Configuration);
        builder.AddSessionsMessaging(x => x.AddTrainerConsumers());
        return builder;
    }

    public static IServiceCollection AddTrainerServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TrainerOptions>(configuration.GetSection(TrainerOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TrainerOptions>>().Value);
        services.AddSingleton<TrainingPolicy>();
        services.AddSingleton<TrainingSignal>();
        services.AddSingleton<TrainerMetrics>();
        services.AddScoped<TrainingRequests>();
        services.AddScoped<TrainingRunner>();
        services.AddSingleton<RunLease>();
        services.AddSingleton(sp => FineTuningBackends.Create(sp.GetRequiredService<TrainerOptions>().FineTuningBackend, sp));
        services.AddScoped<ReplyPairLoader>();
        services.AddScoped<TrainingSnapshotLoader>();
        services.AddScoped<AdapterStage>();
        services.AddScoped<AugmentationStage>();
        services.AddSingleton<AdapterTrainer>();
        services.AddSingleton<AdapterRun>();
        services.AddSingleton(sp =>
        {
            var openAi = sp.GetRequiredService<TrainerOptions>().OpenAi;
            // A trailing slash, so that "files" is appended to ".../v1/" rather than replacing "v1".
            var http = new HttpClient { BaseAddress = openAi.Endpoint is null ? null : new Uri(openAi.Endpoint.ToString().TrimEnd('/') + "/") };
            return new OpenAiFineTuningBackend(http, openAi, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OpenAiFineTuningBackend>>());
        });
        services.AddSingleton(sp => new CommandBackend(
            sp.GetRequiredService<TrainerOptions>().Command, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<CommandBackend>>()));
        services.AddHostedService<TrainingWorker>();
        // Contributed rows committed without vectors get them here; when they are all in, training is considered.
        services.AddSingleton<IEmbeddingsReady, EmbeddedContributionsTrigger>();
        services.AddHostedService<EmbeddingBackfillWorker>();
        return services.AddContributionServices(configuration);
    }

    public static IBusRegistrationConfigurator AddTrainerConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ExamplesValidatedConsumer, ExamplesValidatedConsumerDefinition>();
        bus.AddConsumer<TrainModelConsumer, TrainModelConsumerDefinition>();
        bus.AddConsumer<IntegrateContributedDataConsumer, IntegrateContributedDataConsumerDefinition>();
        bus.AddConsumer<ContributedDataIntegratedConsumer, ContributedDataIntegratedConsumerDefinition>();
        bus.AddRequestClient<AugmentSnapshot>();
        return bus;
    }
}
