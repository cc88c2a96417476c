using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sessions.ServiceDefaults;

/// <summary>
/// Ends the service when a receive endpoint has not consumed for <see cref="MessagingOptions.StalledEndpointExitAfter"/>
/// while RabbitMQ accepts connections. MassTransit normally reconnects by itself after a broker restart; but with
/// RabbitMQ.Client 7.1 a connection whose shutdown waits on a consumer callback that never returns leaves the endpoint
/// retrying on a closed connection forever (AlreadyClosedException), with no consumer on its queue. No in-process
/// restart of the bus gets past that wedged connection, so the process exits with <see cref="ExitCode"/> for its
/// supervisor (docker compose <c>restart:</c>, systemd, Kubernetes) to start it again; unacked messages go back to the queue.
/// </summary>
public sealed partial class StalledEndpointWatchdog(
    EndpointReadiness readiness,
    MessagingOptions options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<StalledEndpointWatchdog> logger) : BackgroundService
{
    /// <summary>EX_TEMPFAIL: a temporary failure, try again.</summary>
    public const int ExitCode = 75;

    /// <summary>How long an orderly shutdown may take before the process is ended regardless (the wedged connection can hold it).</summary>
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var limit = options.StalledEndpointExitAfter;
        var every = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, limit.Ticks / 4));
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            readiness.BrokerReachable(await BrokerAcceptsConnectionsAsync(stoppingToken), clock.GetUtcNow());
            if (readiness.Stalled(clock.GetUtcNow(), limit) is { } stall)
            {
                LogStalled(stall.Endpoint, stall.For.TotalSeconds, stall.Reason, ExitCode);
                Exit();
                return;
            }
        }
    }

    private void Exit()
    {
        Environment.ExitCode = ExitCode;
        lifetime.StopApplication();
        _ = Task.Run(async () =>
        {
            await Task.Delay(ShutdownGrace, clock, CancellationToken.None);
            Environment.Exit(ExitCode);
        }, CancellationToken.None);
    }

    private async Task<bool> BrokerAcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connecting.CancelAfter(TimeSpan.FromSeconds(3));
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(options.RabbitMq.Host, options.RabbitMq.Port, connecting.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Endpoint {Endpoint} has not consumed for {Seconds:0} s while RabbitMQ accepts connections ({Reason}); exiting with code {ExitCode} so that the service is restarted")]
    private partial void LogStalled(string endpoint, double seconds, string reason, int exitCode);
}
