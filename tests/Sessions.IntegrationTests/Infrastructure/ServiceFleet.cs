namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>The three services started as separate processes on one RabbitMQ virtual host, once their queues have consumers.</summary>
public sealed class ServiceFleet : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private ServiceFleet(List<ServiceProcess> services) => Services = services;

    public IReadOnlyList<ServiceProcess> Services { get; }

    public string Output => string.Join("\n----\n", Services.Select(s => s.Output));

    public static async Task<ServiceFleet> StartAsync(string vhost, IReadOnlyDictionary<string, string?> environment,
        Func<string, IReadOnlyDictionary<string, string?>>? perService = null)
    {
        var services = new List<ServiceProcess>();
        foreach (var service in new[] { "Processor", "Validator", "Trainer" })
        {
            var env = new Dictionary<string, string?>(environment);
            foreach (var (key, value) in perService?.Invoke(service) ?? new Dictionary<string, string?>())
            {
                env[key] = value;
            }

            services.Add(ServiceProcess.Start(RepositoryLayout.Output($"services/Sessions.{service}", $"Sessions.{service}"), env));
        }

        var fleet = new ServiceFleet(services);
        foreach (var queue in new[] { "session-ended", "session-processed", "examples-validated", "train-model" })
        {
            await Eventually.Until(async () => (await TestServers.QueueAsync(vhost, queue)).Consumers > 0 || services.Any(s => s.HasExited),
                StartTimeout, $"a consumer on {queue}");
            if (services.Any(s => s.HasExited))
            {
                fleet.Dispose();
                throw new InvalidOperationException("a service exited at start:\n" + fleet.Output);
            }
        }

        return fleet;
    }

    public void Dispose()
    {
        foreach (var service in Services)
        {
            service.Dispose();
        }
    }
}
