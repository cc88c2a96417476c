namespace Sessions.ServiceDefaults;

/// <summary>
/// Which receive endpoints are consuming, and since when the others are not. An endpoint stops being ready when its
/// connection is lost (it stops, then faults while it reconnects) and is ready again once it consumes. Time spent while
/// the broker itself cannot be reached does not count: waiting out a broker outage is the transport's job, not a stall.
/// Plain state, no clock of its own: every call says what time it is, so tests need no waiting.
/// </summary>
public sealed class EndpointReadiness
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, NotReady> _notReady = [];
    private readonly HashSet<string> _ready = [];
    private DateTimeOffset? _brokerReachableSince;

    public void Ready(string endpoint)
    {
        lock (_gate)
        {
            _notReady.Remove(endpoint);
            _ready.Add(endpoint);
        }
    }

    /// <summary>The first reason since the endpoint was last ready is kept: later faults are retries of the same outage.</summary>
    public void NotReadyAnyMore(string endpoint, string reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            _notReady.TryAdd(endpoint, new NotReady(reason, at));
            _ready.Remove(endpoint);
        }
    }

    public void BrokerReachable(bool reachable, DateTimeOffset at)
    {
        lock (_gate)
        {
            _brokerReachableSince = reachable ? _brokerReachableSince ?? at : null;
        }
    }

    /// <summary>The endpoint that has not consumed for longest while the broker was reachable, if that is at least <paramref name="limit"/>.</summary>
    public EndpointStall? Stalled(DateTimeOffset now, TimeSpan limit)
    {
        lock (_gate)
        {
            if (_brokerReachableSince is not { } reachableSince)
            {
                return null;
            }

            return _notReady
                .Select(e => new EndpointStall(e.Key, e.Value.Reason, now - Max(e.Value.Since, reachableSince)))
                .Where(s => s.For >= limit)
                .OrderByDescending(s => s.For)
                .FirstOrDefault();
        }
    }

    /// <summary>The endpoints consuming now, and each one that is not with its reason (for the health check).</summary>
    public (IReadOnlyList<string> Ready, IReadOnlyList<string> NotReady) Snapshot()
    {
        lock (_gate)
        {
            return ([.. _ready.Order()], [.. _notReady.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value.Reason}")]);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record NotReady(string Reason, DateTimeOffset Since);
}

/// <summary>An endpoint that has not consumed <see cref="For"/> long while its broker was reachable.</summary>
public sealed record EndpointStall(string Endpoint, string Reason, TimeSpan For);
