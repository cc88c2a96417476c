using System.Globalization;
using Sessions.Admin.Generation;
using Sessions.Contracts;
using Sessions.PipelineBenchmark;

// End-to-end throughput (see scripts/benchmark-pipeline.sh and docs/benchmarks.md).
var settings = BenchmarkSettings.Parse(args);
if (settings.Problem is { } problem)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(BenchmarkSettings.Usage);
    return 2;
}

List<SessionEnded> Generate(int count, int seed, string prefix) => count == 0 ? [] : new SyntheticSessions(new GenerationSettings
{
    Sessions = count,
    Messages = 20,
    InvalidFraction = settings.InvalidFraction,
    Seed = seed,
    IdPrefix = $"{prefix}-{DateTime.UtcNow:HHmmss}",
}).Generate().ToList();

var sessions = Generate(settings.Sessions, settings.Seed, "bench");
var warmup = Generate(settings.Warmup, settings.Seed + 1, "warmup");
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
    runs.Add(await PipelineRun.RunAsync(provider, warmup, sessions, settings));
}

if (settings.Embedded)
{
    runs.Add(await PipelineRun.EmbeddedAsync(sessions));
}

Console.WriteLine($"{sessions.Count} sessions of 20 messages, {settings.InvalidFraction:P0} invalid, {settings.InFlight} publishes in flight, {(settings.Rate > 0 ? $"published at {settings.Rate:0.##}/s" : "published as fast as confirmed")}, " +
    $"{(settings.Warmup > 0 ? $"after {settings.Warmup} warm-up sessions per pipeline" : "from a cold start")}, {Environment.ProcessorCount} cores");
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

Console.WriteLine();
Console.WriteLine("Latency p50 / p95 / max in ms by tenth of the stream (publish order):");
foreach (var run in runs.Where(r => r.Tenths.Count > 0))
{
    Console.WriteLine($"- {run.Configuration}: " + string.Join(" | ", run.Tenths.Select(t =>
        $"{t.Percentile(50).TotalMilliseconds:F0}/{t.Percentile(95).TotalMilliseconds:F0}/{t.Percentile(100).TotalMilliseconds:F0}")));
}

return runs.All(r => r.Finished == r.Sessions) ? 0 : 1;
