using System.Globalization;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Sessions.AppHost;

/// <summary>
/// RabbitMQ from Debian's package as executable resources: <c>epmd</c> and <c>rabbitmq-server</c> in the foreground, with the
/// environment scripts/rabbitmq-env.sh sets (state, logs, cookie under <see cref="ServerSettings.StateDir"/>, loopback only).
/// epmd is a resource of its own and the node is told not to start one, so that stopping the AppHost leaves no epmd behind.
/// </summary>
[SupportedOSPlatform("linux")]
public static class RabbitMqExecutable
{
    public static (IResourceBuilder<IResourceWithConnectionString> Broker, IResourceBuilder<IResource> Server) AddRabbitMqExecutable(
        this IDistributedApplicationBuilder builder, ServerSettings settings)
    {
        var folder = Path.Combine(settings.StateDir, "rabbitmq");
        var home = Path.Combine(folder, "home");
        Prepare(settings, folder, home);

        const string EpmdCheck = "epmd-accepts-connections";
        var epmdPort = settings.EpmdPort.ToString(CultureInfo.InvariantCulture);
        var epmd = builder.AddExecutable("epmd", settings.Epmd, folder, "-port", epmdPort, "-address", "127.0.0.1")
            .WithHealthCheck(EpmdCheck);
        builder.Services.AddHealthChecks().AddAsyncCheck(EpmdCheck, ct => Accepts(settings.EpmdPort, ct));

        const string AmqpCheck = "rabbitmq-accepts-amqp";
        var (command, args) = OsUser.As(settings.RabbitMqOsUser, settings.RabbitMqServer);
        var server = builder.AddExecutable("rabbitmq", command, folder, args)
            .WithEnvironment("HOME", home)
            .WithEnvironment("RABBITMQ_NODENAME", settings.RabbitMqNodeName)
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(folder, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(folder, "log"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(folder, "rabbitmq.conf"))
            .WithEnvironment("RABBITMQ_ADVANCED_CONFIG_FILE", Path.Combine(folder, "advanced.config"))
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", Path.Combine(folder, "rabbitmq-env.conf"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(folder, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(folder, "rabbitmq.pid"))
            .WithEnvironment("RABBITMQ_DIST_PORT", settings.RabbitMqDistributionPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false")
            .WithEnvironment("RABBITMQ_CTL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false")
            // Every Erlang VM the server's scripts start (not only the node): none may start an epmd daemon of its own,
            // which would outlive the AppHost (seen in CI: "epmd -daemon" left behind).
            .WithEnvironment("ERL_FLAGS", "-start_epmd false")
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("ERL_EPMD_PORT", epmdPort)
            .WaitFor(epmd)
            .WithHealthCheck(AmqpCheck);
        if (settings.RabbitMqManagement)
        {
            server.WithUrl("http://127.0.0.1:" + settings.RabbitMqManagementPort.ToString(CultureInfo.InvariantCulture) + "/", "management (guest/guest)");
        }

        builder.Services.AddHealthChecks().AddAsyncCheck(AmqpCheck, ct => AcceptsAmqp(settings.RabbitMqPort, ct));
        var broker = builder.AddConnectionString(AspireNames.Broker,
            ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{settings.RabbitMqPort.ToString(CultureInfo.InvariantCulture)}/"));
        return (broker, server);
    }

    private static void Prepare(ServerSettings settings, string folder, string home)
    {
        StateFolder.Create(settings.StateDir);
        foreach (var sub in new[] { home, Path.Combine(folder, "mnesia"), Path.Combine(folder, "log") })
        {
            Directory.CreateDirectory(sub);
        }

        File.WriteAllText(Path.Combine(folder, "rabbitmq.conf"), $"""
            # Written by the Aspire AppHost on every start (aspire-host/AppHost/RabbitMqExecutable.cs).
            listeners.tcp.default = 127.0.0.1:{settings.RabbitMqPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {settings.RabbitMqManagementPort}
            loopback_users.guest = true
            disk_free_limit.absolute = 50MB
            log.console = true
            log.console.level = info
            log.file = false

            """);
        File.WriteAllText(Path.Combine(folder, "enabled_plugins"), settings.RabbitMqManagement ? "[rabbitmq_management].\n" : "[].\n");
        var cookie = Path.Combine(home, ".erlang.cookie");
        if (!File.Exists(cookie) || new FileInfo(cookie).Length == 0)
        {
            File.WriteAllText(cookie, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)));
        }

        OsUser.Own(settings.RabbitMqOsUser, folder);
        File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static async Task<HealthCheckResult> Accepts(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, ct);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }

    /// <summary>An AMQP connection and a channel open: the node has booted, not only its process started.</summary>
    private static async Task<HealthCheckResult> AcceptsAmqp(int port, CancellationToken ct)
    {
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = port,
            UserName = "guest",
            Password = "guest",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            AutomaticRecoveryEnabled = false,
        };
        try
        {
            await using var connection = await factory.CreateConnectionAsync("aspire-health-check", ct);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or IOException or SocketException)
        {
            return HealthCheckResult.Unhealthy(ex.GetBaseException().Message);
        }
    }
}
