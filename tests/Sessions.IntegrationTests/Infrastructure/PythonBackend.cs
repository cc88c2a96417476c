using System.Diagnostics;

namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>Runs python/publish_sessions.py with Debian's python3 and pika: a real non-.NET publisher.</summary>
public static class PythonBackend
{
    public const string Exchange = "Sessions.Contracts:SessionEnded";

    public static async Task PublishAsync(string vhost, IEnumerable<string> bodies)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "python", "publish_sessions.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [script, TestServers.RabbitHost, TestServers.RabbitPort.ToString(), vhost, Exchange])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        foreach (var body in bodies)
        {
            await process.StandardInput.WriteLineAsync(body);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"the python publisher failed ({process.ExitCode}): {await error}{await output}. It needs Debian's python3-pika (scripts/install-prerequisites.sh).");
        }
    }
}
