using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Contracts;
using Sessions.Processor;
using Sessions.ServiceDefaults;
using Sessions.Storage;
using Sessions.Trainer;
using Sessions.Validator;

namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>All three services' consumers on MassTransit's test harness, over a real database.</summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private readonly string _artifacts;

    private PipelineHarness(ServiceProvider provider, ITestHarness harness, string artifacts)
    {
        _provider = provider;
        Harness = harness;
        _artifacts = artifacts;
    }

    public string ArtifactsPath => _artifacts;

    public ITestHarness Harness { get; }
    public IServiceProvider Services => _provider;

    public static async Task<PipelineHarness> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = database.Settings;
        settings["Trainer:PollInterval"] = "00:00:01";
        var artifacts = Directory.CreateTempSubdirectory("sessions-artifacts-").FullName;
        settings["Trainer:ArtifactsPath"] = artifacts;
        // Exact example counts are what most tests check; the augmentation tests turn it back on.
        settings["Validator:Augmentation:Enabled"] = "false";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSessionsStorage(configuration);
        services.AddProcessorServices(configuration).AddValidatorServices(configuration).AddTrainerServices(configuration);
        services.AddSessionsMessageObservers();
        services.AddMassTransitTestHarness(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.AddProcessorConsumers();
            if (configuration["Harness:WithoutAugmentor"] == "true")
            {
                // A validator that predates the augmentation step: sessions are validated, snapshot requests go unanswered.
                x.AddConsumer<Sessions.Validator.Consumers.SessionProcessedConsumer, Sessions.Validator.Consumers.SessionProcessedConsumerDefinition>();
            }
            else
            {
                x.AddValidatorConsumers();
            }

            x.AddTrainerConsumers();
            x.AddRequestClient<TrainModel>();
        });

        var provider = services.BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        harness.TestTimeout = TimeSpan.FromSeconds(30);
        harness.TestInactivityTimeout = TimeSpan.FromSeconds(1.5);
        await harness.Start();
        return new PipelineHarness(provider, harness, artifacts);
    }

    public async Task<SessionsDbContext> DbAsync() =>
        await _provider.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
        if (Directory.Exists(_artifacts))
        {
            Directory.Delete(_artifacts, recursive: true);
        }
    }
}
