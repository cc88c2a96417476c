using System.Net;
using System.Net.Sockets;

namespace Sessions.AspireTests;

/// <summary>Loopback ports nothing listens on now (the shared servers hold 5672, 15672, 54329; CI starts its own there too).</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ =>
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return listener;
        }).ToList();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
