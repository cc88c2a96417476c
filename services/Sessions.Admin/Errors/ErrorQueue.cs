using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Sessions.Admin.Errors;

/// <summary>
/// Reads and drains MassTransit's <c>&lt;queue&gt;_error</c> queues over AMQP. A requeued message is acknowledged
/// only after the broker confirmed its copy in the original queue, so a failure midway loses nothing (at worst
/// a message is delivered twice, which the idempotent consumers absorb).
/// </summary>
public sealed class ErrorQueue(IChannel channel, IConnection connection) : IAsyncDisposable
{
    public static string ErrorQueueOf(string queue) => $"{queue}_error";

    public static async Task<ErrorQueue> ConnectAsync(ConnectionFactory factory, CancellationToken ct)
    {
        var connection = await factory.CreateConnectionAsync("sessions-admin errors", ct);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        return new ErrorQueue(channel, connection);
    }

    public async Task<ErrorQueueSummary> SummarizeAsync(string queue, int first, CancellationToken ct)
    {
        var errorQueue = ErrorQueueOf(queue);
        var depth = await DepthAsync(errorQueue, ct);
        if (depth is null)
        {
            return new ErrorQueueSummary(queue, errorQueue, false, 0, []);
        }

        // AMQP has no peek: take the first messages unacknowledged, then close the channel so the broker puts them back.
        var messages = new List<FaultedMessage>();
        await using (var peek = await connection.CreateChannelAsync(cancellationToken: ct))
        {
            while (messages.Count < first && await peek.BasicGetAsync(errorQueue, autoAck: false, ct) is { } got)
            {
                var headers = got.BasicProperties.Headers;
                messages.Add(new FaultedMessage(got.BasicProperties.MessageId, FaultHeaders.Text(headers, FaultHeaders.ExceptionType),
                    FaultHeaders.Text(headers, FaultHeaders.Message), FaultHeaders.Text(headers, FaultHeaders.Timestamp), got.Body.Length));
            }

            await peek.CloseAsync(ct);
        }

        return new ErrorQueueSummary(queue, errorQueue, true, depth.Value, messages);
    }

    /// <summary>Moves up to <paramref name="max"/> messages (never more than were waiting at the start) back to <paramref name="queue"/>.</summary>
    public async Task<int> RequeueAsync(string queue, int max, CancellationToken ct)
    {
        var errorQueue = ErrorQueueOf(queue);
        var waiting = await DepthAsync(errorQueue, ct) ?? 0;
        if (await DepthAsync(queue, ct) is null)
        {
            throw new InvalidOperationException($"queue '{queue}' does not exist on this virtual host; start its service once so that MassTransit declares it");
        }

        var moved = 0;
        while (moved < Math.Min(max, waiting) && await channel.BasicGetAsync(errorQueue, autoAck: false, ct) is { } got)
        {
            var properties = new BasicProperties(got.BasicProperties)
            {
                Headers = got.BasicProperties.Headers?
                    .Where(h => !FaultHeaders.IsFault(h.Key))
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            try
            {
                // With confirmation tracking this returns only once the broker confirmed; a nack or a return throws.
                await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, got.Body, ct);
            }
            catch
            {
                await channel.BasicNackAsync(got.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
                throw;
            }

            await channel.BasicAckAsync(got.DeliveryTag, multiple: false, ct);
            moved++;
        }

        return moved;
    }

    /// <summary>Ready messages in a queue, or null when it does not exist (a passive declare on a throwaway channel).</summary>
    private async Task<long?> DepthAsync(string queue, CancellationToken ct)
    {
        await using var probe = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            return (await probe.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
