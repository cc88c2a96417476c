using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sessions.AppHost;

/// <summary>
/// Decides, before anything starts, whether RabbitMQ and PostgreSQL run as containers or as Debian's binaries, and refuses
/// with one clear line when neither can work: Aspire's container resources wait forever for a runtime that is not there,
/// and a server whose port is taken would only fail its health check over and over.
/// </summary>
public static class ServerChoice
{
    public const string Install = "scripts/install-prerequisites.sh";

    /// <summary><see cref="ServerModes.Containers"/> or <see cref="ServerModes.Executables"/>, or a problem to print.</summary>
    public static (string? Mode, string? Problem) Choose(ServerSettings settings, Func<bool> containerRuntimeHealthy)
    {
        var mode = settings.Mode;
        if (mode.Equals(ServerModes.Containers, StringComparison.OrdinalIgnoreCase))
        {
            return containerRuntimeHealthy()
                ? (ServerModes.Containers, null)
                : (null, "Servers:Mode is Containers but no container runtime answers (docker info); set Servers__Mode=Executables and run " + Install);
        }

        if (mode.Equals(ServerModes.Auto, StringComparison.OrdinalIgnoreCase) && containerRuntimeHealthy())
        {
            return (ServerModes.Containers, null);
        }

        if (!mode.Equals(ServerModes.Auto, StringComparison.OrdinalIgnoreCase) && !mode.Equals(ServerModes.Executables, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"Servers:Mode must be {ServerModes.Auto}, {ServerModes.Executables} or {ServerModes.Containers} (was '{mode}')");
        }

        var missing = new[] { settings.Postgres, settings.RabbitMqServer, settings.Epmd }.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            return (null, $"cannot start RabbitMQ and PostgreSQL: {string.Join(", ", missing)} not found and no container runtime in use; install them with {Install} (or start a container runtime and set Servers__Mode=Auto)");
        }

        if (settings.Ports().FirstOrDefault(p => !Free(p.Port)) is { Setting: not null } taken)
        {
            return (null, $"port 127.0.0.1:{taken.Port} is already in use (ss -ltnp 'sport = :{taken.Port}'); stop what holds it or set {taken.Setting.Replace(":", "__", StringComparison.Ordinal)}");
        }

        return (ServerModes.Executables, null);
    }

    /// <summary>Whether nothing listens on the loopback port (a bind succeeds).</summary>
    public static bool Free(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary><c>docker info</c> (or the runtime Aspire is told to use) answers within a few seconds.</summary>
    public static bool ContainerRuntimeHealthy(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
