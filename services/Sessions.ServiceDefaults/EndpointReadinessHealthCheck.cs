using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sessions.ServiceDefaults;

/// <summary>
/// Healthy once the service's receive endpoints consume from RabbitMQ, unhealthy while none has started yet or any of them
/// is not consuming (connection lost, stopped, faulted): what an orchestrator waits for before it sends work.
/// </summary>
public sealed class EndpointReadinessHealthCheck(EndpointReadiness readiness) : IHealthCheck
{
    public const string Name = "bus-endpoints";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (ready, notReady) = readiness.Snapshot();
        var result = (ready.Count, notReady.Count) switch
        {
            (0, 0) => HealthCheckResult.Unhealthy("no receive endpoint is consuming yet"),
            (_, 0) => HealthCheckResult.Healthy($"consuming: {string.Join(", ", ready)}"),
            _ => HealthCheckResult.Unhealthy($"not consuming: {string.Join("; ", notReady)}"),
        };
        return Task.FromResult(result);
    }
}
