using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Sessions.ServiceDefaults;

namespace Sessions.Admin.ErrorQueues;

/// <summary>How many messages wait in a queue's error queue (null when the error queue does not exist).</summary>
public sealed record ErrorQueueCount(string Queue, string ErrorQueue, uint? Messages);

/// <summary>
/// Lists and empties MassTransit's error queues (<c>&lt;queue&gt;_error</c>) over AMQP: each message is republished to
/// its original queue with its body and headers (without MassTransit's fault headers) and acknowledged on the error
/// queue only after the broker confirmed the republish, so a failure midway loses nothing; at worst one message is
/// delivered twice, which the consumers' idempotency absorbs.
/// </summary>
public sealed class ErrorQueueMover(RabbitMqOptions rabbit)
{
    /// <summary>The pipeline's receive endpoints, whose error queues an admin usually looks at.</summary>
    public static readonly string[] PipelineQueues =
        ["session-ended", "session-processed", "examples-validated", "train-model", "integrate-contributed-data", "contributed-data-integrated"];

    public async Task<List<ErrorQueueCount>> CountAsync(IEnumerable<string> queues, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        var counts = new List<ErrorQueueCount>();
        foreach (var queue in queues)
        {
            // A passive declare of a missing queue closes the channel, so each check gets its own.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                var declared = await channel.QueueDeclarePassiveAsync(ErrorQueueOf(queue), ct);
                counts.Add(new ErrorQueueCount(queue, ErrorQueueOf(queue), declared.MessageCount));
            }
            catch (OperationInterruptedException)
            {
                counts.Add(new ErrorQueueCount(queue, ErrorQueueOf(queue), null));
            }
        }

        return counts;
    }

    /// <summary>Moves up to <paramref name="max"/> messages back; returns how many were moved.</summary>
    public async Task<int> RequeueAsync(string queue, int max, IProgress<int>? progress, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        await channel.QueueDeclarePassiveAsync(queue, ct); // the destination must exist: refuse to publish into nothing
        var moved = 0;
        while (moved < max && await channel.BasicGetAsync(ErrorQueueOf(queue), autoAck: false, ct) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties);
            if (properties.Headers is { } headers)
            {
                properties.Headers = headers.Where(h => !IsFaultHeader(h.Key)).ToDictionary(h => h.Key, h => h.Value);
            }

            // With confirmation tracking this returns once the broker has the message (it throws on a nack or a return).
            await channel.BasicPublishAsync(exchange: "", routingKey: queue, mandatory: true, basicProperties: properties, body: message.Body, ct);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            progress?.Report(++moved);
        }

        return moved;
    }

    public static string ErrorQueueOf(string queue) => queue + "_error";

    private static bool IsFaultHeader(string name) =>
        name.StartsWith("MT-Fault-", StringComparison.OrdinalIgnoreCase) || name.Equals("MT-Reason", StringComparison.OrdinalIgnoreCase);

    private async Task<IConnection> ConnectAsync(CancellationToken ct)
    {
        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host,
            Port = rabbit.Port,
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
            ClientProvidedName = "sessions-admin errors",
        };
        try
        {
            return await factory.CreateConnectionAsync(ct);
        }
        catch (BrokerUnreachableException ex)
        {
            throw new ErrorQueueException(
                $"cannot reach RabbitMQ at amqp://{rabbit.Host}:{rabbit.Port}{rabbit.VirtualHost} ({ex.InnerException?.Message ?? ex.Message}) — start it with scripts/start-rabbitmq.sh, or set Messaging__RabbitMq__Host/Port/VirtualHost");
        }
    }
}

public sealed class ErrorQueueException(string message) : Exception(message);
