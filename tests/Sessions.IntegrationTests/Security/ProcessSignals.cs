using System.Diagnostics;

namespace Sessions.IntegrationTests.Security;

/// <summary>Real POSIX signals to a child process, as a terminal's Ctrl+C (SIGINT) or a service manager (SIGTERM) sends them.</summary>
internal static class ProcessSignals
{
    public const string Interrupt = "INT";
    public const string Terminate = "TERM";

    public static void Send(int processId, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, processId.ToString()]))!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {processId} exited {kill.ExitCode}");
        }
    }
}
