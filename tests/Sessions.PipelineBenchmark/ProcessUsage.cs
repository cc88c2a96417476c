namespace Sessions.PipelineBenchmark;

/// <summary>CPU seconds and peak resident memory of a process, read from Linux's /proc (what `time` and `ps` read).</summary>
public readonly record struct ProcessUsage(double CpuSeconds, long PeakRssBytes)
{
    // USER_HZ is 100 on every Linux the project runs on (sysconf(_SC_CLK_TCK)); /proc/<pid>/stat counts in it.
    private const double TicksPerSecond = 100;

    public static ProcessUsage Of(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may contain spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond; // utime, stime
            var peak = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var kb = peak is null ? 0 : long.Parse(peak.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            return new ProcessUsage(cpu, kb * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return default; // the process has gone
        }
    }

    /// <summary>
    /// CPU seconds of every live process with this command name (PostgreSQL's backends are <c>postgres</c>, RabbitMQ's
    /// VM <c>beam.smp</c>): the servers use the same cores as the services. Backends that exit in between are missed.
    /// </summary>
    public static double CpuSecondsOfAll(string command) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(pid => pid!.All(char.IsAsciiDigit) && CommandOf(pid!) == command)
            .Sum(pid => Of(int.Parse(pid!)).CpuSeconds);

    private static string? CommandOf(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static ProcessUsage operator -(ProcessUsage end, ProcessUsage start) => new(end.CpuSeconds - start.CpuSeconds, end.PeakRssBytes);
}
