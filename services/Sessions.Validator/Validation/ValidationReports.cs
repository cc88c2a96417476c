using System.Text.Json;
using Sessions.Contracts;
using Sessions.Storage.Entities;

namespace Sessions.Validator.Validation;

/// <summary>The stored report of validating one session's examples (the model report adds these up).</summary>
public static class ValidationReports
{
    public static ValidationReportRecord Of(SessionProcessed message, IReadOnlyList<ExampleVerdict> verdicts, int augmented, DateTime now)
    {
        var scores = verdicts.Where(v => v.QualityScore is not null).Select(v => v.QualityScore!.Value).ToList();
        var reasons = verdicts.SelectMany(v => v.Reasons.Select(r => r.Code).Distinct())
            .GroupBy(c => c, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var flags = verdicts.SelectMany(v => v.Flags.Select(r => r.Code).Distinct())
            .GroupBy(c => c, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        return new ValidationReportRecord
        {
            SessionId = message.SessionId,
            ModelName = message.ModelName,
            CreatedAt = now,
            Accepted = verdicts.Count(v => v.Accepted),
            Rejected = verdicts.Count(v => !v.Accepted),
            Augmented = augmented,
            MeanQuality = scores.Count == 0 ? null : Math.Round(scores.Average(), 4),
            ReasonsJson = JsonSerializer.Serialize(reasons),
            FlagsJson = JsonSerializer.Serialize(flags),
        };
    }
}
