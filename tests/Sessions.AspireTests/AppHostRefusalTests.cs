using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sessions.AspireTests;

/// <summary>
/// When RabbitMQ and PostgreSQL cannot run, the AppHost says why in one line and exits non-zero at once, before anything
/// starts (Aspire's own container resources would wait forever, a taken port would fail health checks forever).
/// </summary>
public sealed class AppHostRefusalTests
{
    [Fact]
    public async Task Without_the_server_binaries_it_names_the_install_script_and_exits()
    {
        var (exitCode, error) = await RunAppHostAsync("--Servers:Mode=Executables", "--Servers:PostgresBin=/nonexistent/postgresql/bin");

        Assert.True(exitCode == 2, $"exit code {exitCode}: {error}");
        Assert.Contains("scripts/install-prerequisites.sh", error);
        Assert.Contains("/nonexistent/postgresql/bin/postgres", error);
    }

    [Fact]
    public async Task A_port_already_taken_is_named_with_the_setting_that_moves_it()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var (exitCode, error) = await RunAppHostAsync("--Servers:Mode=Executables", $"--Servers:RabbitMqPort={port}");

        Assert.True(exitCode == 2, $"exit code {exitCode}: {error}");
        Assert.Contains($"127.0.0.1:{port} is already in use", error);
        Assert.Contains("Servers__RabbitMqPort", error);
    }

    [Fact]
    public async Task Containers_asked_for_without_a_runtime_are_refused_instead_of_waited_for()
    {
        var (exitCode, error) = await RunAppHostAsync("--Servers:Mode=Containers", "--ASPIRE_CONTAINER_RUNTIME=no-such-container-runtime");

        Assert.True(exitCode == 2, $"exit code {exitCode}: {error}");
        Assert.Contains("no container runtime answers", error);
    }

    private static async Task<(int ExitCode, string Error)> RunAppHostAsync(params string[] args)
    {
        var projectPath = Projects.Sessions_AppHost.ProjectPath; // the project's folder, or its .csproj
        var projectDir = projectPath.EndsWith(".csproj", StringComparison.Ordinal) ? Path.GetDirectoryName(projectPath)! : projectPath;
        // The same configuration as this test's own build (bin/Release/net10.0 or bin/Debug/net10.0).
        var output = Path.GetRelativePath(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..")), AppContext.BaseDirectory);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = projectDir };
        start.ArgumentList.Add(Path.Combine(projectDir, output, "Sessions.AppHost.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the AppHost did not exit within 60 s: it must refuse at once");
        }

        return (process.ExitCode, await error);
    }
}
