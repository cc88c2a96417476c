using System.Net;
using System.Net.Sockets;

namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>
/// A RabbitMQ node or PostgreSQL server of a test's own, for tests that take a server down: started and stopped
/// with the project's scripts (the same code paths as scripts/test.sh and CI), with its state in a private folder and
/// on free ports, so the shared test servers and the tests using them never notice.
/// </summary>
public sealed class PrivateServer : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(150);

    private readonly string _server;
    private readonly Dictionary<string, string?> _settings;
    private readonly string _folder;

    private PrivateServer(string server, Dictionary<string, string?> settings)
    {
        _server = server;
        _folder = Directory.CreateTempSubdirectory($"sessions-private-{server}-").FullName;
        _settings = new Dictionary<string, string?>(settings) { ["SESSIONS_STATE_DIR"] = _folder };
    }

    /// <summary>The node's address, for a server started with <see cref="StartRabbitMqAsync"/>.</summary>
    public RabbitNode RabbitNode => new("127.0.0.1", Port("SESSIONS_RABBIT_PORT"), Port("SESSIONS_RABBIT_MGMT_PORT"));

    /// <summary>Its maintenance database (role and database as scripts/start-postgres.sh makes them), for a server started with <see cref="StartPostgresAsync"/>.</summary>
    public string PostgresServer => $"Host=127.0.0.1;Port={Port("SESSIONS_PG_PORT")};Username=sessions;Password=sessions;Database=sessions";

    /// <summary>Its own epmd as well as its own ports and node name: stopping it touches no other node.</summary>
    public static Task<PrivateServer> StartRabbitMqAsync()
    {
        var ports = FreePorts(4);
        return StartNewAsync("rabbitmq", new()
        {
            ["SESSIONS_RABBIT_PORT"] = ports[0],
            ["SESSIONS_RABBIT_MGMT_PORT"] = ports[1],
            ["SESSIONS_RABBIT_DIST_PORT"] = ports[2],
            ["SESSIONS_EPMD_PORT"] = ports[3],
            ["SESSIONS_RABBIT_NODENAME"] = $"sessions-private-{Environment.ProcessId}@localhost",
        });
    }

    public static Task<PrivateServer> StartPostgresAsync() => StartNewAsync("postgres", new() { ["SESSIONS_PG_PORT"] = FreePorts(1)[0] });

    /// <summary>Starts it again on the same state folder: durable queues, persistent messages and databases are still there.</summary>
    public Task StartAsync() => RunAsync($"scripts/start-{_server}.sh");

    /// <summary>A clean stop (<c>rabbitmqctl stop</c>; PostgreSQL's fast mode, which disconnects every client).</summary>
    public Task StopAsync() => RunAsync($"scripts/stop-{_server}.sh");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync($"scripts/stop-{_server}.sh", "--purge");
        }
        finally
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }

    private static async Task<PrivateServer> StartNewAsync(string server, Dictionary<string, string?> settings)
    {
        var started = new PrivateServer(server, settings);
        try
        {
            await started.StartAsync();
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    private async Task RunAsync(string script, params string[] args)
    {
        var (code, output) = await ServiceProcess.RunScriptAsync(script, _settings, ScriptTimeout, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', args)} exited with {code}:\n{output}");
        }
    }

    private int Port(string setting) => int.Parse(_settings[setting]!);

    /// <summary>Ports nothing listens on now, distinct: each is held until all are chosen.</summary>
    private static string[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port.ToString()).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Dispose());
        }
    }
}
