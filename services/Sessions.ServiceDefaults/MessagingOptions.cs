namespace Sessions.ServiceDefaults;

/// <summary>Bound from the <c>Messaging</c> section. The transport is configuration, not code.</summary>
public class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary><c>InMemory</c> (all services in one process) or <c>RabbitMq</c>.</summary>
    public string Transport { get; set; } = MessagingTransport.InMemory;

    public RabbitMqOptions RabbitMq { get; set; } = new();
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
