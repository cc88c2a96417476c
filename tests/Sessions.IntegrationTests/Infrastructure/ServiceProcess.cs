using System.Diagnostics;
using System.Text;

namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>A built service or tool run as its own process with `dotnet app.dll`; its output is kept for failure messages.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    /// <summary>Only once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Waits for the process to end by itself and returns its exit code; a <see cref="TimeoutException"/> with its output if it does not.</summary>
    public async Task<int> ExitedAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the process did not exit within {timeout.TotalSeconds:0} s; its output:\n{Output}");
        }

        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>The address ASP.NET Core reported ("Now listening on: …"), once it has.</summary>
    public Uri? ListeningAddress =>
        System.Text.RegularExpressions.Regex.Match(Output, @"Now listening on: (http://\S+)") is { Success: true } m ? new Uri(m.Groups[1].Value) : null;

    public static ServiceProcess Start(string dll, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built; run `dotnet build Sessions.sln` first", dll);
        }

        return Start(new ProcessStartInfo("dotnet", [dll, .. args]) { WorkingDirectory = Path.GetDirectoryName(dll)! }, environment);
    }

    /// <summary>Runs a command to completion and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string dll, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args) =>
        RunAsync(Start(dll, environment, args), timeout);

    /// <summary>Runs one of the repository's scripts (<c>scripts/start-postgres.sh</c>, …) to completion, from the repository root.</summary>
    public static Task<(int ExitCode, string Output)> RunScriptAsync(string script, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args) =>
        RunAsync(Start(new ProcessStartInfo("bash", [Path.Combine(RepositoryLayout.Root, script), .. args]) { WorkingDirectory = RepositoryLayout.Root }, environment), timeout);

    private static ServiceProcess Start(ProcessStartInfo start, IReadOnlyDictionary<string, string?> environment)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(ServiceProcess started, TimeSpan timeout)
    {
        using var tool = started;
        using var cts = new CancellationTokenSource(timeout);
        await tool._process.WaitForExitAsync(cts.Token);
        tool._process.WaitForExit(); // drains the redirected output
        return (tool._process.ExitCode, tool.Output);
    }

    /// <summary>SIGKILL, as a crash would: no graceful shutdown, unacknowledged messages go back to the broker.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
