namespace Sessions.Admin.Generation;

/// <summary>What to generate; every choice is drawn from one seeded random source, so the same settings give the same sessions.</summary>
public sealed record GenerationSettings
{
    public int Sessions { get; init; } = 100;
    public int Messages { get; init; } = 20;
    public double InvalidFraction { get; init; } = 0.2;
    /// <summary>Share of sessions that repeat an earlier valid session's messages under a new id (the validator's dedupe rejects their examples).</summary>
    public double DuplicateFraction { get; init; }
    /// <summary>Share of sessions that are an earlier valid session sent again, same id (the pipeline must store it once).</summary>
    public double RedeliveryFraction { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = ["en"];
    public int Seed { get; init; } = 42;
    public string Model { get; init; } = "default";
    public string IdPrefix { get; init; } = "gen";

    public string? Problem() =>
        Sessions < 0 ? "--sessions must be 0 or more"
        : Messages is < 10 or > 1000 ? "--messages must be within 10..1000, the session requirements' range"
        : InvalidFraction is < 0 or > 1 || DuplicateFraction is < 0 or > 1 || RedeliveryFraction is < 0 or > 1 ? "fractions must be within 0..1"
        : InvalidFraction + DuplicateFraction + RedeliveryFraction > 1 ? "the invalid, duplicate and redelivery fractions add up to more than 1"
        : Languages.Count == 0 ? "name at least one language"
        : Languages.FirstOrDefault(l => !PhraseBank.ByLanguage.ContainsKey(l)) is { } unknown
            ? $"unknown language '{unknown}'; known: {string.Join(", ", PhraseBank.ByLanguage.Keys)}"
        : null;
}
