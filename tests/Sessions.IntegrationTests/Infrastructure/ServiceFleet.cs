namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>The three services started as separate processes on one RabbitMQ virtual host (of the shared node unless given another), once their queues have consumers.</summary>
public sealed class ServiceFleet : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly List<ServiceProcess> _services;
    private readonly Dictionary<string, Dictionary<string, string?>> _environments;
    private readonly int? _restartOnExitCode;
    private bool _disposed;

    private ServiceFleet(List<ServiceProcess> services, Dictionary<string, Dictionary<string, string?>> environments, int? restartOnExitCode)
    {
        _services = services;
        _environments = environments;
        _restartOnExitCode = restartOnExitCode;
        for (var i = 0; i < services.Count; i++)
        {
            Supervise(i);
        }
    }

    private readonly List<string> _restarted = [];

    /// <summary>Services started again after they exited with the fleet's restart code, in order.</summary>
    public IReadOnlyList<string> Restarted
    {
        get
        {
            lock (_services)
            {
                return [.. _restarted];
            }
        }
    }

    /// <summary>The services running now (a snapshot: a supervised restart may replace one at any time).</summary>
    public IReadOnlyList<ServiceProcess> Services
    {
        get
        {
            lock (_services)
            {
                return [.. _services];
            }
        }
    }

    /// <summary>Every process that was killed or exited and was replaced, so that their output stays readable.</summary>
    private List<ServiceProcess> Replaced { get; } = [];

    /// <summary>Kills a service (Processor, Validator or Trainer) with SIGKILL, no shutdown, and starts it again with the same settings.</summary>
    public void KillAndRestart(string service)
    {
        lock (_services)
        {
            var index = Array.IndexOf(Names, service);
            _services[index].Kill();
            StartAgain(index);
        }
    }

    public static readonly string[] Names = ["Processor", "Validator", "Trainer"];

    public string Output
    {
        get
        {
            lock (_services)
            {
                return string.Join("\n----\n", Replaced.Concat(_services).Select(s => s.Output));
            }
        }
    }

    /// <param name="restartOnExitCode">What a supervisor does: a service that exits with this code is started again with the same settings.</param>
    public static async Task<ServiceFleet> StartAsync(string vhost, IReadOnlyDictionary<string, string?> environment,
        Func<string, IReadOnlyDictionary<string, string?>>? perService = null, RabbitNode? node = null, int? restartOnExitCode = null)
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

        var fleet = new ServiceFleet(services, environments, restartOnExitCode);
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

    private void Supervise(int index)
    {
        if (_restartOnExitCode is not { } code)
        {
            return;
        }

        var watched = _services[index];
        _ = watched.ExitedAsync(Timeout.InfiniteTimeSpan).ContinueWith(exited =>
        {
            lock (_services)
            {
                if (_disposed || !exited.IsCompletedSuccessfully || exited.Result != code || _services[index] != watched)
                {
                    return;
                }

                StartAgain(index);
                _restarted.Add(Names[index]);
            }
        }, TaskScheduler.Default);
    }

    private void StartAgain(int index)
    {
        Replaced.Add(_services[index]);
        _services[index] = ServiceProcess.Start(RepositoryLayout.Output($"services/Sessions.{Names[index]}", $"Sessions.{Names[index]}"), _environments[Names[index]]);
        Supervise(index);
    }

    public void Dispose()
    {
        lock (_services)
        {
            _disposed = true;
        }

        foreach (var service in Replaced.Concat(_services))
        {
            service.Dispose();
        }
    }
}
