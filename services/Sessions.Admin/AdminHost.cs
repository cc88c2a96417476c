using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.ServiceDefaults;
using Sessions.Storage;

namespace Sessions.Admin;

/// <summary>Builds the small hosts the commands need: configuration from appsettings.json and SESSIONS-style environment variables.</summary>
public static class AdminHost
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Unreachable = 2;
    public const int Refused = 3;

    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        // Relative SQLite paths resolve against where the admin runs, like the services'.
        builder.Configuration.SetBasePath(Directory.GetCurrentDirectory());
        // Started by the Aspire AppHost (migrate, ingest-sample, train): its references name the database and broker.
        AspireConnectionStrings.Apply(builder.Configuration);
        return builder;
    }

    /// <summary>A host with a started bus (RabbitMQ unless configured otherwise); null with a printed reason when the broker is unreachable.</summary>
    public static async Task<IHost?> StartBusAsync(Action<IBusRegistrationConfigurator> configure, CancellationToken ct)
    {
        var builder = CreateBuilder();
        var rabbit = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>()?.RabbitMq ?? new RabbitMqOptions();
        if (!await CanConnectAsync(rabbit.Host, rabbit.Port, ct))
        {
            await Console.Error.WriteLineAsync(
                $"cannot reach RabbitMQ at amqp://{rabbit.Host}:{rabbit.Port} — start it with scripts/start-rabbitmq.sh, or set Messaging__RabbitMq__Host/Port");
            return null;
        }

        builder.Services.AddSessionsMessaging(builder.Configuration, configure);
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(30);
        });
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }

    public static IHost BuildStorageHost()
    {
        var builder = CreateBuilder();
        builder.Services.AddSessionsStorage(builder.Configuration);
        return builder.Build();
    }

    private static async Task<bool> CanConnectAsync(string host, int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await client.ConnectAsync(host, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
