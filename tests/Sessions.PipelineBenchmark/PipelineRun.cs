using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using MassTransit;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;

namespace Sessions.PipelineBenchmark;

public sealed record ServiceFigures(string Service, double CpuSeconds, long PeakRssBytes);

public sealed record RunFigures(string Configuration, int Sessions, int Finished, TimeSpan Elapsed, Latencies Latencies, IReadOnlyList<ServiceFigures> Services)
{
    /// <summary>Latencies by tenth of the stream in publish order (empty when not measured).</summary>
    public IReadOnlyList<Latencies> Tenths { get; init; } = [];

    public double SessionsPerSecond => Finished / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>One configuration end to end: a fresh database and virtual host, the three services as processes, the sessions published and awaited.</summary>
public static class PipelineRun
{
    private static readonly string[] ServiceNames = ["Processor", "Validator", "Trainer"];

    public static async Task<RunFigures> RunAsync(string provider, IReadOnlyList<SessionEnded> warmup, IReadOnlyList<SessionEnded> sessions, BenchmarkSettings settings)
    {
        var vhost = await TestServers.CreateRabbitVirtualHostAsync();
        var folder = Directory.CreateTempSubdirectory("sessions-pipeline-benchmark-").FullName;
        var connection = provider == "postgres"
            ? await TestServers.CreatePostgresDatabaseAsync()
            : $"Data Source={Path.Combine(folder, "sessions.db")}";
        var environment = new Dictionary<string, string?>(PipelineProbe.RabbitSettings(vhost))
        {
            ["Database:Provider"] = provider == "postgres" ? "Postgres" : "Sqlite",
            ["Database:ConnectionString"] = connection,
            ["Urls"] = "http://127.0.0.1:0",
            ["Trainer:ArtifactsPath"] = Path.Combine(folder, "artifacts"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["DOTNET_gcServer"] = "0",
            // A transport and storage benchmark: the lexical embedder keeps the model's cost out of its figures
            // (--set Embeddings:Provider=minilm measures the pipeline with the real model).
            ["Embeddings:Provider"] = "lexical",
        };
        foreach (var (key, value) in settings.ServiceSettings)
        {
            environment[key] = value;
        }

        var services = new List<ServiceProcess>();
        try
        {
            var (code, output) = await ServiceProcess.RunAsync(RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin"), environment, TimeSpan.FromMinutes(2), "migrate");
            if (code != 0)
            {
                throw new InvalidOperationException("migrate failed:\n" + output);
            }

            services.AddRange(ServiceNames.Select(s => ServiceProcess.Start(RepositoryLayout.Output($"services/Sessions.{s}", $"Sessions.{s}"), environment)));
            foreach (var queue in new[] { "session-ended", "session-processed", "examples-validated" })
            {
                await Eventually.Until(async () => (await TestServers.QueueAsync(vhost, queue)).Consumers > 0 || services.Any(s => s.HasExited),
                    TimeSpan.FromMinutes(2), $"a consumer on {queue}");
            }

            if (services.FirstOrDefault(s => s.HasExited) is { } dead)
            {
                throw new InvalidOperationException("a service exited at start:\n" + dead.Output);
            }

            await using var probe = await PipelineProbe.StartAsync(vhost);
            if (warmup.Count > 0)
            {
                await probe.PublishAsync(warmup, settings.InFlight);
                if (!await probe.WaitAsync(warmup.Count, settings.Timeout, Progress($"{provider}: warm-up outcomes")))
                {
                    throw new InvalidOperationException($"only {probe.Finished} of {warmup.Count} warm-up outcomes within {settings.Timeout}");
                }

                probe.Reset();
                Console.Error.WriteLine($"{provider}: {warmup.Count} warm-up sessions through; measuring");
            }

            var trainerOutputBefore = services[Array.IndexOf(ServiceNames, "Trainer")].Output.Length;
            var before = services.Select(s => ProcessUsage.Of(s.ProcessId)).ToList();
            var serversBefore = (Postgres: ProcessUsage.CpuSecondsOfAll("postgres"), Rabbit: ProcessUsage.CpuSecondsOfAll("beam.smp"));
            await probe.PublishAsync(sessions, settings.InFlight, settings.Rate);
            var done = await probe.WaitAsync(sessions.Count, settings.Timeout, Progress($"{provider}: outcomes"));
            var after = services.Select(s => ProcessUsage.Of(s.ProcessId)).ToList();
            Console.Error.WriteLine($"{provider}: CPU s of the servers during the stream (all their processes on the machine): " +
                $"PostgreSQL {ProcessUsage.CpuSecondsOfAll("postgres") - serversBefore.Postgres:0.0}, RabbitMQ {ProcessUsage.CpuSecondsOfAll("beam.smp") - serversBefore.Rabbit:0.0}");
            if (!done)
            {
                Console.Error.WriteLine($"{provider}: only {probe.Finished} of {sessions.Count} outcomes within {settings.Timeout}");
            }

            // Training competes with the stream for the same cores: say how much of it there was.
            var trainer = services[Array.IndexOf(ServiceNames, "Trainer")].Output[trainerOutputBefore..];
            Console.Error.WriteLine($"{provider}: training runs completed during the stream: {Regex.Matches(trainer, "Training run \\S+ for \\S+ completed").Count}; " +
                string.Join("; ", Regex.Matches(trainer, @"completed as \S+ on \d+ examples").Select(m => m.Value)));
            var (elapsed, latencies, tenths) = probe.Measure();
            var figures = ServiceNames.Select((name, i) => new ServiceFigures(name, (after[i] - before[i]).CpuSeconds, after[i].PeakRssBytes)).ToList();
            return new RunFigures($"RabbitMQ + {(provider == "postgres" ? "PostgreSQL" : "SQLite")}, 3 processes", sessions.Count, probe.Finished, elapsed, latencies, figures) { Tenths = tenths };
        }
        finally
        {
            foreach (var service in services)
            {
                service.Dispose();
            }

            if (provider == "postgres")
            {
                await TestServers.DropPostgresDatabaseAsync(connection);
            }

            await TestServers.DeleteRabbitVirtualHostAsync(vhost);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// MassTransit publishing and consuming the same payloads through the same broker with no work: one receive
    /// endpoint bound to <c>SessionEnded</c> on a fresh virtual host, in this process.
    /// </summary>
    public static async Task<RunFigures> TransportCeilingAsync(IReadOnlyList<SessionEnded> sessions, BenchmarkSettings settings)
    {
        var vhost = await TestServers.CreateRabbitVirtualHostAsync();
        try
        {
            await using var probe = await PipelineProbe.StartAsync(vhost, (e, p) => e.Handler<SessionEnded>(c => p.Finish(c.Message.SessionId!)));
            await probe.PublishAsync(sessions, settings.InFlight, settings.Rate);
            await probe.WaitAsync(sessions.Count, settings.Timeout, Progress("ceiling: consumed"));
            var (elapsed, latencies, tenths) = probe.Measure();
            return new RunFigures("transport ceiling (publish + consume, no work)", sessions.Count, probe.Finished, elapsed, latencies, []) { Tenths = tenths };
        }
        finally
        {
            await TestServers.DeleteRabbitVirtualHostAsync(vhost);
        }
    }

    /// <summary>The embedded configuration: aspire-host (in-memory bus + SQLite, one process) ingesting the same sessions from a file.</summary>
    public static async Task<RunFigures> EmbeddedAsync(IReadOnlyList<SessionEnded> sessions)
    {
        var folder = Directory.CreateTempSubdirectory("sessions-embedded-benchmark-").FullName;
        try
        {
            var file = Path.Combine(folder, "sessions.jsonl");
            await File.WriteAllLinesAsync(file, sessions.Select(s => JsonSerializer.Serialize(s, JsonSerializerOptions.Web)));
            var environment = new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "sessions.db")}",
                ["Trainer:ArtifactsPath"] = Path.Combine(folder, "artifacts"),
                ["Logging:LogLevel:Default"] = "Warning",
            };
            var watch = Stopwatch.StartNew();
            var (code, output) = await ServiceProcess.RunAsync(RepositoryLayout.Output("aspire-host", "Sessions.AspireHost"), environment, TimeSpan.FromMinutes(30), "--file", file);
            watch.Stop();
            if (code != 0)
            {
                Console.Error.WriteLine($"embedded run exited with {code}:\n{output[^Math.Min(output.Length, 2000)..]}");
            }

            return new RunFigures("embedded: in-memory bus + SQLite, 1 process (wall time incl. start-up)", sessions.Count, code == 0 ? sessions.Count : 0, watch.Elapsed, new Latencies([]), []);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IProgress<int> Progress(string what)
    {
        var last = Stopwatch.StartNew();
        return new Progress<int>(n =>
        {
            if (last.Elapsed > TimeSpan.FromSeconds(5))
            {
                Console.Error.WriteLine($"{what}: {n}");
                last.Restart();
            }
        });
    }
}
