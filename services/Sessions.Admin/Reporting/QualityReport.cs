using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Admin.Reporting;

/// <summary>
/// A model's data-quality report (in the spirit of seed 000's <c>get_data_quality_report</c>): what was accepted,
/// rejected and augmented, why, what accepted examples were flagged for (outliers), how long the examples are, their quality scores, and duplicates over time.
/// </summary>
public sealed record QualityReport(
    string Model,
    DateTime GeneratedAt,
    int SessionsAccepted,
    int SessionsRejected,
    IReadOnlyDictionary<string, int> SessionsRejectedByReason,
    int ExamplesAccepted,
    int ExamplesRejected,
    int ExamplesPending,
    int ExamplesAugmented,
    int ExamplesContributed,
    IReadOnlyDictionary<string, int> ExamplesRejectedByReason,
    IReadOnlyDictionary<string, int> ExamplesFlaggedByReason,
    Histogram AcceptedTokens,
    Histogram RejectedTokens,
    Histogram QualityScores,
    double? MeanQualityScore,
    IReadOnlyList<DailyDuplicates> DuplicatesByDay)
{
    /// <summary>The augmented copies of the model's latest training run that asked for them: kept ones by method, refused ones (and parents that got none) by reason.</summary>
    public IReadOnlyDictionary<string, int> CopiesByMethod { get; init; } = new SortedDictionary<string, int>();
    public IReadOnlyDictionary<string, int> CopiesRejectedByReason { get; init; } = new SortedDictionary<string, int>();

    public static readonly double[] TokenBounds = [0, 16, 32, 64, 128, 256, 384, 512, 1024];
    public static readonly double[] ScoreBounds = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>Reads the model's rows once, streaming, so the report works on large corpora in bounded memory.</summary>
    public static async Task<QualityReport> LoadAsync(SessionsDbContext db, string model, DateTime now, CancellationToken ct)
    {
        var sessionsAccepted = await db.Sessions.CountAsync(s => s.ModelName == model && s.Status == SessionStatus.Accepted, ct);
        var sessionsRejected = 0;
        var sessionReasons = new Dictionary<string, int>();
        await foreach (var json in db.Sessions.AsNoTracking().Where(s => s.ModelName == model && s.Status == SessionStatus.Rejected)
            .Select(s => s.RejectionReasonsJson).AsAsyncEnumerable().WithCancellation(ct))
        {
            sessionsRejected++;
            AddReasons(sessionReasons, json);
        }

        int accepted = 0, rejected = 0, pending = 0, augmented = 0, contributed = 0;
        var exampleReasons = new Dictionary<string, int>();
        var exampleFlags = new Dictionary<string, int>();
        List<double> acceptedTokens = [], rejectedTokens = [], scores = [];
        var days = new SortedDictionary<DateOnly, (int Validated, int Exact, int Near)>();
        await foreach (var e in db.Examples.AsNoTracking().Where(e => e.ModelName == model)
            .Select(e => new { e.Status, e.Origin, e.TokenCount, e.QualityScore, e.RejectionReasonsJson, e.QualityFlagsJson, e.ValidatedAt })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.QualityScore is { } score)
            {
                scores.Add(score);
            }

            // Copies are counted apart: accepted, rejected and pending describe the data people sent.
            if (e.Origin == ExampleOrigin.Augmented)
            {
                augmented++;
                continue;
            }

            contributed += e.Origin == ExampleOrigin.Contributed ? 1 : 0;

            switch (e.Status)
            {
                case ExampleStatus.Accepted:
                    accepted++;
                    acceptedTokens.Add(e.TokenCount);
                    break;
                case ExampleStatus.Rejected:
                    rejected++;
                    rejectedTokens.Add(e.TokenCount);
                    break;
                default:
                    pending++;
                    break;
            }

            var codes = AddReasons(exampleReasons, e.RejectionReasonsJson);
            AddReasons(exampleFlags, e.QualityFlagsJson);
            if (e.ValidatedAt is { } at)
            {
                var day = DateOnly.FromDateTime(at);
                var (validated, exact, near) = days.GetValueOrDefault(day);
                days[day] = (validated + 1, exact + (codes.Contains("duplicate_exact") ? 1 : 0), near + (codes.Contains("duplicate_near") ? 1 : 0));
            }
        }

        var latestRun = await db.AugmentedCopies.AsNoTracking().Where(c => c.ModelName == model)
            .OrderByDescending(c => c.Id).Select(c => (Guid?)c.RunId).FirstOrDefaultAsync(ct);
        var copies = latestRun is { } runId
            ? await db.AugmentedCopies.AsNoTracking().Where(c => c.RunId == runId)
                .GroupBy(c => new { c.Accepted, c.Method, c.RejectionReason })
                .Select(g => new { g.Key.Accepted, g.Key.Method, g.Key.RejectionReason, Count = g.Count() }).ToListAsync(ct)
            : [];
        augmented += copies.Where(c => c.Accepted).Sum(c => c.Count);

        return new QualityReport(model, now, sessionsAccepted, sessionsRejected,
            Sorted(sessionReasons), accepted, rejected, pending, augmented, contributed, Sorted(exampleReasons), Sorted(exampleFlags),
            Histogram.Of(acceptedTokens, TokenBounds), Histogram.Of(rejectedTokens, TokenBounds), Histogram.Of(scores, ScoreBounds),
            scores.Count == 0 ? null : Math.Round(scores.Average(), 4),
            days.Select(d => new DailyDuplicates(d.Key, d.Value.Validated, d.Value.Exact, d.Value.Near)).ToList())
        {
            CopiesByMethod = new SortedDictionary<string, int>(
                copies.Where(c => c.Accepted).GroupBy(c => c.Method).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)), StringComparer.Ordinal),
            CopiesRejectedByReason = new SortedDictionary<string, int>(
                copies.Where(c => !c.Accepted).GroupBy(c => c.RejectionReason ?? "").ToDictionary(g => g.Key, g => g.Sum(c => c.Count)), StringComparer.Ordinal),
        };
    }

    private static List<string> AddReasons(Dictionary<string, int> counts, string? json)
    {
        var codes = (JsonSerializer.Deserialize<List<RejectionReason>>(json ?? "[]") ?? []).Select(r => r.Code).Distinct().ToList();
        foreach (var code in codes)
        {
            counts[code] = counts.GetValueOrDefault(code) + 1;
        }

        return codes;
    }

    private static SortedDictionary<string, int> Sorted(Dictionary<string, int> counts) => new(counts, StringComparer.Ordinal);
}
