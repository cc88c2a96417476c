using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.ServiceDefaults;

namespace Sessions.UnitTests.Messaging;

/// <summary>
/// When a service gives up on an endpoint that stopped consuming: only after the limit, and only counting time in which
/// the broker accepted connections (a broker outage is waited out, not punished).
/// </summary>
public sealed class EndpointReadinessTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public void An_endpoint_not_ready_for_the_limit_while_the_broker_is_reachable_is_stalled_with_its_first_reason()
    {
        var readiness = new EndpointReadiness();
        readiness.BrokerReachable(true, T0);
        readiness.NotReadyAnyMore("session-ended", "stopping", T0);
        readiness.NotReadyAnyMore("session-ended", "faulted: Already closed", T0.AddSeconds(30));

        Assert.Null(readiness.Stalled(T0.AddSeconds(89), Limit));
        var stall = readiness.Stalled(T0.AddSeconds(90), Limit);

        Assert.NotNull(stall);
        Assert.Equal("session-ended", stall.Endpoint);
        Assert.Equal("stopping", stall.Reason);
        Assert.Equal(Limit, stall.For);
    }

    [Fact]
    public void An_endpoint_ready_again_is_not_stalled()
    {
        var readiness = new EndpointReadiness();
        readiness.BrokerReachable(true, T0);
        readiness.NotReadyAnyMore("session-ended", "stopping", T0);
        readiness.Ready("session-ended");

        Assert.Null(readiness.Stalled(T0.AddMinutes(10), Limit));
    }

    [Fact]
    public void Time_while_the_broker_was_unreachable_does_not_count()
    {
        var readiness = new EndpointReadiness();
        readiness.NotReadyAnyMore("examples-validated", "faulted: Connection refused", T0);
        readiness.BrokerReachable(false, T0.AddSeconds(5));
        Assert.Null(readiness.Stalled(T0.AddMinutes(5), Limit));

        readiness.BrokerReachable(true, T0.AddMinutes(5));
        readiness.BrokerReachable(true, T0.AddMinutes(6)); // still reachable: the clock keeps its start
        Assert.Null(readiness.Stalled(T0.AddMinutes(5).AddSeconds(89), Limit));
        Assert.Equal(Limit, readiness.Stalled(T0.AddMinutes(5).AddSeconds(90), Limit)?.For);

        readiness.BrokerReachable(false, T0.AddMinutes(7));
        Assert.Null(readiness.Stalled(T0.AddMinutes(8), Limit));
    }

    [Fact]
    public void The_longest_stalled_endpoint_is_named()
    {
        var readiness = new EndpointReadiness();
        readiness.BrokerReachable(true, T0);
        readiness.NotReadyAnyMore("session-processed", "stopped", T0.AddSeconds(20));
        readiness.NotReadyAnyMore("train-model", "stopping", T0.AddSeconds(10));

        Assert.Equal("train-model", readiness.Stalled(T0.AddSeconds(120), Limit)?.Endpoint);
    }

    [Fact]
    public void Services_on_RabbitMQ_run_the_watchdog_and_in_memory_or_zero_turns_it_off()
    {
        Assert.True(WatchdogRegistered(new() { ["Messaging:Transport"] = "RabbitMq" }));
        Assert.False(WatchdogRegistered(new() { ["Messaging:Transport"] = "RabbitMq", ["Messaging:StalledEndpointExitAfter"] = "00:00:00" }));
        Assert.False(WatchdogRegistered(new() { ["Messaging:Transport"] = "InMemory" }));
    }

    [Fact]
    public void A_negative_limit_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            WatchdogRegistered(new() { ["Messaging:Transport"] = "RabbitMq", ["Messaging:StalledEndpointExitAfter"] = "-00:00:01" }));

        Assert.Contains("Messaging:StalledEndpointExitAfter", error.Message);
    }

    private static bool WatchdogRegistered(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSessionsMessaging(configuration, _ => { });
        return services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.ReturnType == typeof(StalledEndpointWatchdog));
    }
}
