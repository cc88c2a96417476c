using Microsoft.Extensions.Configuration;

namespace Sessions.AppHost;

/// <summary>
/// Bound from the <c>Servers</c> section: how RabbitMQ and PostgreSQL run, on which loopback ports, in which folder.
/// The defaults stay clear of the servers scripts/start-*.sh start (5672, 15672, 25673, 4369, 54329), so both can run.
/// </summary>
public sealed class ServerSettings
{
    public const string SectionName = "Servers";

    /// <summary><c>Auto</c> (containers where a container runtime answers, else Debian's binaries), <c>Executables</c> or <c>Containers</c>.</summary>
    public string Mode { get; set; } = ServerModes.Auto;

    /// <summary>Data, logs and configuration of the executable servers: <c>postgres/</c>, <c>rabbitmq/</c>, <c>artifacts/</c>.</summary>
    public string StateDir { get; set; } = "/tmp/sessions-aspire";

    public int PostgresPort { get; set; } = 54339;
    public int RabbitMqPort { get; set; } = 5682;
    public int RabbitMqManagementPort { get; set; } = 15682;
    public int RabbitMqDistributionPort { get; set; } = 25682;
    public int EpmdPort { get; set; } = 4379;

    /// <summary>Erlang node name; unique per AppHost on one machine (epmd is per port, but the cookie folder is ours).</summary>
    public string RabbitMqNodeName { get; set; } = "sessions-aspire@localhost";

    public string PostgresBin { get; set; } = "/usr/lib/postgresql/15/bin";
    public string RabbitMqBin { get; set; } = "/usr/lib/rabbitmq/bin";
    public string Epmd { get; set; } = "/usr/bin/epmd";

    /// <summary>The management plugin (web UI and HTTP API) costs a few seconds at every start.</summary>
    public bool RabbitMqManagement { get; set; } = true;

    /// <summary>The system users the servers run as when the AppHost runs as root (both refuse or should not run as root).</summary>
    public string PostgresOsUser { get; set; } = "postgres";
    public string RabbitMqOsUser { get; set; } = "rabbitmq";

    public string Postgres => Path.Combine(PostgresBin, "postgres");
    public string RabbitMqServer => Path.Combine(RabbitMqBin, "rabbitmq-server");

    public static ServerSettings From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<ServerSettings>() ?? new ServerSettings();

    /// <summary>Every loopback port the executable servers listen on, with the setting that moves it.</summary>
    public IEnumerable<(string Setting, int Port)> Ports()
    {
        yield return ($"{SectionName}:{nameof(PostgresPort)}", PostgresPort);
        yield return ($"{SectionName}:{nameof(RabbitMqPort)}", RabbitMqPort);
        if (RabbitMqManagement)
        {
            yield return ($"{SectionName}:{nameof(RabbitMqManagementPort)}", RabbitMqManagementPort);
        }

        yield return ($"{SectionName}:{nameof(RabbitMqDistributionPort)}", RabbitMqDistributionPort);
        yield return ($"{SectionName}:{nameof(EpmdPort)}", EpmdPort);
    }
}
