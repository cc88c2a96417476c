namespace Sessions.ServiceDefaults;

/// <summary>Bound from the <c>Messaging</c> section. The transport is configuration, not code.</summary>
public class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary><c>InMemory</c> (all services in one process) or <c>RabbitMq</c>.</summary>
    public string Transport { get; set; } = MessagingTransport.InMemory;

    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>
    /// How long an endpoint that is stopping (the service shutting down, or its broker connection lost) lets the
    /// messages in flight finish before their consumers are cancelled; those messages go back to the queue unacked.
    /// </summary>
    public TimeSpan ConsumerStopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an endpoint waits for a stop at all before it gives up and goes on: after a lost connection it then
    /// reconnects even if a delivery of the dead channel never completes (without a bound it waited forever and the
    /// queue kept no consumer, MassTransit #5692). At least <see cref="ConsumerStopTimeout"/>.
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// RabbitMQ only: how long a receive endpoint may go without consuming while the broker accepts connections before
    /// the service exits (code 75) to be restarted by its supervisor; see <see cref="StalledEndpointWatchdog"/>.
    /// Time while the broker is unreachable does not count. Zero turns the watchdog off.
    /// </summary>
    public TimeSpan StalledEndpointExitAfter { get; set; } = TimeSpan.FromSeconds(90);
}

public static class MessagingTransport
{
    public const string InMemory = "InMemory";
    public const string RabbitMq = "RabbitMq";
}

/// <summary>Local-development defaults on loopback; production credentials come from configuration or environment.</summary>
public class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>Messages each consumer endpoint fetches ahead.</summary>
    public ushort PrefetchCount { get; set; } = 32;

    public Uri HostAddress => new($"rabbitmq://{Host}:{Port}/{Uri.EscapeDataString(VirtualHost.TrimStart('/'))}");
}
