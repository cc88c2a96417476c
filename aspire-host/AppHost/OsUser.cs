using System.Diagnostics;

namespace Sessions.AppHost;

/// <summary>
/// PostgreSQL refuses to run as root and RabbitMQ should not: when the AppHost is root, servers run as their Debian system
/// users through <c>setpriv</c>, which replaces itself with the server (no process in between to orphan).
/// </summary>
public static class OsUser
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The command and arguments that run <paramref name="program"/> as <paramref name="user"/> when root, else as it is.</summary>
    public static (string Command, string[] Args) As(string user, string program, params string[] args) =>
        IsRoot
            ? ("/usr/bin/setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", program, .. args])
            : (program, args);

    /// <summary>Runs a preparation step to its end (as <paramref name="user"/> when root); throws with its output when it fails.</summary>
    public static void Run(string user, string program, params string[] args) => RunWithInput(user, null, program, args);

    /// <summary>As <see cref="Run(string, string, string[])"/>, with <paramref name="input"/> on its standard input.</summary>
    public static void RunWithInput(string user, string? input, string program, params string[] args)
    {
        var (command, arguments) = As(user, program, args);
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = "/",
        };
        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Result.Trim()} {output.Result.Trim()}".Trim());
        }
    }

    /// <summary>Hands a folder the AppHost made to the server's user (root only).</summary>
    public static void Own(string user, string path)
    {
        if (IsRoot)
        {
            Run("root", "/bin/chown", "-R", $"{user}:", path);
        }
    }
}
