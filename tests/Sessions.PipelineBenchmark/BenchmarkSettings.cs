using System.Globalization;

namespace Sessions.PipelineBenchmark;

public sealed record BenchmarkSettings
{
    public const string Usage =
        "usage: benchmark-pipeline [--sessions 5000] [--invalid 0.1] [--in-flight 64] [--rate 0] [--warmup 0] [--providers postgres,sqlite] [--no-ceiling] [--no-embedded] [--seed 42] [--timeout-minutes 20] [--set Key=Value ...]";

    public int Sessions { get; init; } = 5000;
    public double InvalidFraction { get; init; } = 0.1;
    public int InFlight { get; init; } = 64;

    /// <summary>Sessions published per second; 0 publishes as fast as the broker confirms (throughput). A rate below
    /// the pipeline's throughput measures latency without queueing.</summary>
    public double Rate { get; init; }
    /// <summary>
    /// Sessions sent through each pipeline and awaited before the measured ones (another seed, their own ids): the
    /// services' code is then compiled and the corpus has grown past the augmentation schedule's first steps (16
    /// copies per example below 2,000 examples), as in a running deployment. 0 measures from a cold start.
    /// </summary>
    public int Warmup { get; init; }
    public IReadOnlyList<string> Providers { get; init; } = ["postgres", "sqlite"];
    public bool Ceiling { get; init; } = true;
    public bool Embedded { get; init; } = true;
    public int Seed { get; init; } = 42;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);
    public string? Problem { get; init; }

    /// <summary>
    /// Settings for the services. By default the trainer waits 10 minutes between runs: at hundreds of sessions per
    /// second the shipped "5 new examples" trigger would retrain continuously, which measures training, not the pipeline.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ServiceSettings { get; init; } = new Dictionary<string, string?> { ["Trainer:MinInterval"] = "00:10:00" };

    public static BenchmarkSettings Parse(string[] args)
    {
        var settings = new BenchmarkSettings();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                settings = args[i] switch
                {
                    "--sessions" => settings with { Sessions = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--invalid" => settings with { InvalidFraction = double.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--in-flight" => settings with { InFlight = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--rate" => settings with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--warmup" => settings with { Warmup = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--providers" => settings with { Providers = Value().Split(',', StringSplitOptions.RemoveEmptyEntries) },
                    "--no-ceiling" => settings with { Ceiling = false },
                    "--no-embedded" => settings with { Embedded = false },
                    "--seed" => settings with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--set" when Value().Split('=', 2) is [var key, var value] =>
                        settings with { ServiceSettings = new Dictionary<string, string?>(settings.ServiceSettings) { [key] = value } },
                    "--set" => settings with { Problem = "--set needs Key=Value" },
                    "--timeout-minutes" => settings with { Timeout = TimeSpan.FromMinutes(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                    _ => settings with { Problem = $"unknown argument '{args[i]}'" },
                };
            }
            catch (FormatException ex)
            {
                return settings with { Problem = ex.Message };
            }
        }

        if (settings.Problem is null && (settings.Sessions < 1 || settings.InFlight < 1 || settings.Warmup < 0 || settings.InvalidFraction is < 0 or > 1
            || !double.IsFinite(settings.Rate) || settings.Rate < 0
            || settings.Providers.Any(p => p is not ("postgres" or "sqlite"))))
        {
            settings = settings with { Problem = "--sessions and --in-flight must be positive, --invalid in [0,1], --rate and --warmup 0 or more, --providers postgres and/or sqlite" };
        }

        return settings;
    }
}
