namespace Sessions.AspireTests;

/// <summary>
/// Processes that belong to one AppHost run: their command line or environment names its state folder (the servers) or
/// its broker's port (the services and admin steps receive it in their connection string).
/// </summary>
public static class LeftoverProcesses
{
    public static List<string> Find(params string[] marks)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var environment = File.ReadAllText(Path.Combine(dir, "environ"));
                if (marks.Any(m => commandLine.Contains(m, StringComparison.Ordinal) || environment.Contains(m, StringComparison.Ordinal)))
                {
                    found.Add($"{pid} {commandLine.Trim()}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // gone meanwhile, or not ours to read
            }
        }

        return found;
    }
}
