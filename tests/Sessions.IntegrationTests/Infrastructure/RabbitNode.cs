namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>Where a RabbitMQ node answers: the shared test server (<see cref="TestServers.Rabbit"/>) or a test's private one.</summary>
public sealed record RabbitNode(string Host, int Port, int ManagementPort);
