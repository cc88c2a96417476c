using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Sessions.ServiceDefaults;

namespace Sessions.Admin.Errors;

/// <summary>Opens an <see cref="ErrorQueue"/> with the same Messaging:RabbitMq settings the services use; null with a printed reason when unreachable.</summary>
public static class ErrorQueueConnection
{
    public static async Task<ErrorQueue?> OpenAsync(CancellationToken ct)
    {
        var configuration = AdminHost.CreateBuilder().Configuration;
        var rabbit = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>()?.RabbitMq ?? new RabbitMqOptions();
        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host,
            Port = rabbit.Port,
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        try
        {
            return await ErrorQueue.ConnectAsync(factory, ct);
        }
        catch (BrokerUnreachableException ex)
        {
            await Console.Error.WriteLineAsync(
                $"cannot reach RabbitMQ at amqp://{rabbit.Host}:{rabbit.Port}/{rabbit.VirtualHost.TrimStart('/')} ({ex.InnerException?.Message ?? ex.Message}) — start it with scripts/start-rabbitmq.sh, or set Messaging__RabbitMq__Host/Port/VirtualHost/Username/Password");
            return null;
        }
    }
}
