using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Admin.Reporting;

/// <summary>What the pipeline made of a set of sessions, read from the database.</summary>
public sealed record PipelineSummary(
    int SessionsAccepted,
    int SessionsRejected,
    IReadOnlyDictionary<string, int> SessionsRejectedByReason,
    int EmbeddingsStored,
    int ExamplesStored,
    int ExamplesAccepted,
    int ExamplesRejected,
    IReadOnlyDictionary<string, int> ExamplesRejectedByReason,
    int AugmentedCopies,
    IReadOnlyList<TrainingRunRecord> Runs,
    IReadOnlyList<TrainingDecisionRecord> SkippedDecisions)
{
    public static async Task<PipelineSummary> LoadAsync(SessionsDbContext db, IReadOnlyCollection<string> sessionIds, DateTime since, CancellationToken ct)
    {
        var ids = sessionIds.ToList();
        var sessions = await db.Sessions.AsNoTracking().Where(s => ids.Contains(s.SessionId))
            .Select(s => new { s.Status, s.RejectionReasonsJson, s.EmbeddingCount }).ToListAsync(ct);
        var examples = await db.Examples.AsNoTracking().Where(e => ids.Contains(e.SessionId))
            .Select(e => new { e.Status, e.RejectionReasonsJson, e.Variant }).ToListAsync(ct);
        var copies = examples.Count(e => e.Variant > 0);
        examples = examples.Where(e => e.Variant == 0).ToList();
        var runs = await db.TrainingRuns.AsNoTracking().Where(r => r.CreatedAt >= since).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var skipped = await db.TrainingDecisions.AsNoTracking().Where(d => d.At >= since && d.Decision == "skipped")
            .OrderByDescending(d => d.Id).Take(5).ToListAsync(ct);

        return new PipelineSummary(
            sessions.Count(s => s.Status == SessionStatus.Accepted),
            sessions.Count(s => s.Status == SessionStatus.Rejected),
            CountReasons(sessions.Where(s => s.Status == SessionStatus.Rejected).Select(s => s.RejectionReasonsJson)),
            sessions.Sum(s => s.EmbeddingCount),
            examples.Count,
            examples.Count(e => e.Status == ExampleStatus.Accepted),
            examples.Count(e => e.Status == ExampleStatus.Rejected),
            CountReasons(examples.Where(e => e.Status == ExampleStatus.Rejected).Select(e => e.RejectionReasonsJson)),
            copies,
            runs,
            skipped);
    }

    private static Dictionary<string, int> CountReasons(IEnumerable<string?> reasonsJson) =>
        reasonsJson
            .SelectMany(json => JsonSerializer.Deserialize<List<RejectionReason>>(json ?? "[]") ?? [])
            .GroupBy(r => r.Code)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
}
