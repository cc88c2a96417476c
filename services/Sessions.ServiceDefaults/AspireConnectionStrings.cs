using Microsoft.Extensions.Configuration;

namespace Sessions.ServiceDefaults;

/// <summary>
/// The connection strings an Aspire AppHost hands a service through its references (<c>ConnectionStrings__sessions-db</c>,
/// <c>ConnectionStrings__messaging</c>), turned into the project's own <c>Database</c> and <c>Messaging</c> settings. Without
/// them nothing changes, so the services still run from their appsettings.json or plain environment variables.
/// </summary>
public static class AspireConnectionStrings
{
    /// <summary>The AppHost's PostgreSQL database resource (Npgsql keyword form).</summary>
    public const string Database = "sessions-db";

    /// <summary>The AppHost's RabbitMQ resource (<c>amqp://user:password@host:port/vhost</c>).</summary>
    public const string Broker = "messaging";

    /// <summary>Adds the translated settings on top of <paramref name="configuration"/> (they win over appsettings.json).</summary>
    public static void Apply(IConfigurationManager configuration)
    {
        var settings = Settings(configuration);
        if (settings.Count > 0)
        {
            configuration.AddInMemoryCollection(settings);
        }
    }

    /// <summary>The <c>Database:*</c> and <c>Messaging:*</c> settings the referenced connection strings stand for.</summary>
    public static Dictionary<string, string?> Settings(IConfiguration configuration)
    {
        var settings = new Dictionary<string, string?>();
        if (configuration.GetConnectionString(Database) is { Length: > 0 } database)
        {
            settings["Database:Provider"] = "Postgres";
            settings["Database:ConnectionString"] = database;
        }

        if (configuration.GetConnectionString(Broker) is { Length: > 0 } broker)
        {
            if (!Uri.TryCreate(broker, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "rabbitmq"))
            {
                throw new InvalidOperationException($"ConnectionStrings:{Broker} must be an amqp:// URI (was not one)");
            }

            var user = uri.UserInfo.Split(':', 2);
            var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            settings["Messaging:Transport"] = MessagingTransport.RabbitMq;
            settings["Messaging:RabbitMq:Host"] = uri.Host;
            settings["Messaging:RabbitMq:Port"] = (uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port).ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Messaging:RabbitMq:VirtualHost"] = virtualHost.Length == 0 ? "/" : virtualHost;
            if (user[0].Length > 0)
            {
                settings["Messaging:RabbitMq:Username"] = Uri.UnescapeDataString(user[0]);
                settings["Messaging:RabbitMq:Password"] = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "";
            }
        }

        return settings;
    }
}
