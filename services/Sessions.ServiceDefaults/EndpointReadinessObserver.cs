using MassTransit;

namespace Sessions.ServiceDefaults;

/// <summary>Feeds <see cref="EndpointReadiness"/> from MassTransit's endpoint events.</summary>
public sealed class EndpointReadinessObserver(EndpointReadiness readiness, TimeProvider clock) : IReceiveEndpointObserver
{
    public Task Ready(ReceiveEndpointReady ready)
    {
        readiness.Ready(Name(ready.InputAddress));
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping)
    {
        readiness.NotReadyAnyMore(Name(stopping.InputAddress), "stopping", clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Completed(ReceiveEndpointCompleted completed)
    {
        readiness.NotReadyAnyMore(Name(completed.InputAddress), "stopped", clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        readiness.NotReadyAnyMore(Name(faulted.InputAddress), $"faulted: {faulted.Exception?.Message ?? "no reason given"}", clock.GetUtcNow());
        return Task.CompletedTask;
    }

    private static string Name(Uri address) => address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? address.ToString();
}
