namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>The three services started as separate processes on one RabbitMQ virtual host (of the shared node unless given another), once their queues have consumers.</summary>
public sealed class ServiceFleet : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<ServiceProcess> _services;
    private readonly Dictionary<string, Dictionary<string, string?>> _environments;

    private ServiceFleet(List<ServiceProcess> services, Dictionary<string, Dictionary<string, string?>> environments)
    {
        _services = services;
        _environments = environments;
    }

    public IReadOnlyList<ServiceProcess> Services => _services;

    /// <summary>Every process ever started, killed ones included, so that their output stays readable.</summary>
    public List<ServiceProcess> Killed { get; } = [];

    /// <summary>Kills a service (Processor, Validator or Trainer) with SIGKILL, no shutdown, and starts it again with the same settings.</summary>
    public void KillAndRestart(string service)
    {
        var index = Array.IndexOf(Names, service);
        _services[index].Kill();
        Killed.Add(_services[index]);
        _services[index] = ServiceProcess.Start(RepositoryLayout.Output($"services/Sessions.{service}", $"Sessions.{service}"), _environments[service]);
    }

    public static readonly string[] Names = ["Processor", "Validator", "Trainer"];

    public string Output => string.Join("\n----\n", Killed.Concat(Services).Select(s => s.Output));

    public static async Task<ServiceFleet> StartAsync(string vhost, IReadOnlyDictionary<string, string?> environment,
        Func<string, IReadOnlyDictionary<string, string?>>? perService = null, RabbitNode? node = null)
    {
        var services = new List<ServiceProcess>();
        var environments = new Dictionary<string, Dictionary<string, string?>>();
        foreach (var service in Names)
        {
            var env = new Dictionary<string, string?>(environment);
            foreach (var (key, value) in perService?.Invoke(service) ?? new Dictionary<string, string?>())
            {
                env[key] = value;
            }

            environments[service] = env;
            services.Add(ServiceProcess.Start(RepositoryLayout.Output($"services/Sessions.{service}", $"Sessions.{service}"), env));
        }

        var fleet = new ServiceFleet(services, environments);
        foreach (var queue in new[] { "session-ended", "session-processed", "examples-validated", "train-model" })
        {
            await Eventually.Until(async () => (await TestServers.QueueAsync(vhost, queue, node)).Consumers > 0 || services.Any(s => s.HasExited),
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
        foreach (var service in Killed.Concat(Services))
        {
            service.Dispose();
        }
    }
}
