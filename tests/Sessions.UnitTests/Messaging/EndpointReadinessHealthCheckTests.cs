using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sessions.ServiceDefaults;

namespace Sessions.UnitTests.Messaging;

/// <summary>/health says whether the service's receive endpoints consume: what the AppHost waits for before it sends work.</summary>
public sealed class EndpointReadinessHealthCheckTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Before_any_endpoint_consumes_the_service_is_not_ready()
    {
        var result = await Check(new EndpointReadiness());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task When_every_endpoint_consumes_the_service_is_ready()
    {
        var readiness = new EndpointReadiness();
        readiness.Ready("session-ended");
        readiness.Ready("train-model");

        var result = await Check(readiness);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("session-ended", result.Description);
    }

    [Fact]
    public async Task An_endpoint_that_lost_its_connection_makes_the_service_unready_and_is_named()
    {
        var readiness = new EndpointReadiness();
        readiness.Ready("session-ended");
        readiness.Ready("train-model");
        readiness.NotReadyAnyMore("train-model", "faulted: connection closed", T0);

        var result = await Check(readiness);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("train-model: faulted: connection closed", result.Description);

        readiness.Ready("train-model");
        Assert.Equal(HealthStatus.Healthy, (await Check(readiness)).Status);
    }

    [Fact]
    public async Task On_RabbitMQ_the_check_is_registered_even_with_the_watchdog_off()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:StalledEndpointExitAfter"] = "00:00:00",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddSessionsMessaging(configuration, _ => { }).BuildServiceProvider();

        var checks = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.Contains(checks, c => c.Name == EndpointReadinessHealthCheck.Name);
    }

    private static Task<HealthCheckResult> Check(EndpointReadiness readiness) =>
        new EndpointReadinessHealthCheck(readiness).CheckHealthAsync(new HealthCheckContext());
}
