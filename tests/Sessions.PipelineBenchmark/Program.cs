using System.Globalization;
using Sessions.Admin.Generation;
using Sessions.PipelineBenchmark;

// End-to-end throughput (see scripts/benchmark-pipeline.sh and docs/benchmarks.md).
var settings = BenchmarkSettings.Parse(args);
if (settings.Problem is { } problem)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(BenchmarkSettings.Usage);
    return 2;
}

var sessions = new SyntheticSessions(new GenerationSettings
{
    Sessions = settings.Sessions,
    Messages = 20,
    InvalidFraction = settings.InvalidFraction,
    Seed = settings.Seed,
    IdPrefix = $"bench-{DateTime.UtcNow:HHmmss}",
}).Generate().ToList();
Console.Error.WriteLine($"{sessions.Count} sessions generated (20 messages, {settings.InvalidFraction:P0} invalid, seed {settings.Seed})");

var runs = new List<RunFigures>();
RunFigures? ceiling = null;
if (settings.Ceiling)
{
    ceiling = await PipelineRun.TransportCeilingAsync(sessions, settings);
    runs.Add(ceiling);
}

foreach (var provider in settings.Providers)
{
    runs.Add(await PipelineRun.RunAsync(provider, sessions, settings));
}

if (settings.Embedded)
{
    runs.Add(await PipelineRun.EmbeddedAsync(sessions));
}

Console.WriteLine($"{sessions.Count} sessions of 20 messages, {settings.InvalidFraction:P0} invalid, {settings.InFlight} publishes in flight, {(settings.Rate > 0 ? $"published at {settings.Rate:0.##}/s" : "published as fast as confirmed")}, {Environment.ProcessorCount} cores");
Console.WriteLine();
Console.WriteLine("| configuration | outcomes | sessions/s | of ceiling | latency p50 / p95 / p99 | CPU s (processor / validator / trainer) | peak RSS MB |");
Console.WriteLine("|---|---:|---:|---:|---|---|---|");
foreach (var run in runs)
{
    var share = ceiling is null || run == ceiling ? "" : (run.SessionsPerSecond / ceiling.SessionsPerSecond).ToString("P0", CultureInfo.InvariantCulture);
    var latency = run.Latencies.Count == 0 ? "" : string.Join(" / ", new[] { 50, 95, 99 }.Select(p => $"{run.Latencies.Percentile(p).TotalMilliseconds:F0} ms"));
    var cpu = string.Join(" / ", run.Services.Select(s => s.CpuSeconds.ToString("F1", CultureInfo.InvariantCulture)));
    var rss = string.Join(" / ", run.Services.Select(s => (s.PeakRssBytes / 1024.0 / 1024).ToString("F0", CultureInfo.InvariantCulture)));
    Console.WriteLine($"| {run.Configuration} | {run.Finished}/{run.Sessions} | {run.SessionsPerSecond:F0} | {share} | {latency} | {cpu} | {rss} |");
}

return runs.All(r => r.Finished == r.Sessions) ? 0 : 1;
