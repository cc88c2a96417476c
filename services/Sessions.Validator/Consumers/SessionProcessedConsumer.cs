using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Bulk;
using Sessions.Storage.Entities;
using Sessions.Validator.Augmentation;
using Sessions.Validator.Validation;

namespace Sessions.Validator.Consumers;

/// <summary>
/// Validates a session's pending examples and saves the verdicts, band rows and report at once. No augmented copies
/// here: augmentation is a step of a training run (<c>AugmentSnapshotConsumer</c>). A redelivery finds none
/// pending and re-publishes the stored verdicts.
/// </summary>
public sealed class SessionProcessedConsumer(
    SessionsDbContext db,
    ValidationCorpusLoader corpora,
    PendingCorpusStatistics unwrittenStatistics,
    ExampleValidator validator,
    TimeProvider clock,
    ValidatorMetrics metrics,
    ILogger<SessionProcessedConsumer> logger) : IConsumer<SessionProcessed>
{
    public async Task Consume(ConsumeContext<SessionProcessed> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        var examples = await db.Examples.Where(e => e.SessionId == message.SessionId).OrderBy(e => e.Id).ToListAsync(ct);
        var pending = examples.Where(e => e.Status == ExampleStatus.Pending).ToList();
        if (pending.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var candidates = await corpora.CandidatesAsync(message.SessionId, pending, ct);
            var corpus = await corpora.LoadAsync(message.ModelName, candidates, ct);
            var verdicts = validator.Validate(candidates, corpus);
            Apply(pending, verdicts, now);

            db.ValidationReports.Add(ValidationReports.Of(message, verdicts, 0, now));
            var bands = ValidationCorpusLoader.BandRows(pending.Zip(verdicts).Where(p => p.Second.Accepted).Select(p => (p.First, p.Second.Fingerprint)));
            // Verdicts, band rows and the report, or none. Up to 16 band rows per example: through EF Core they were most
            // of the validator's CPU.
            await new BulkRowWriter(db).SaveChangesWithAsync(bulk => bulk.WriteBandsAsync(message.ModelName, bands, ct), ct);
            unwrittenStatistics.Add(message.ModelName, corpus.Quality.Changes!); // written by CorpusStatisticsFlusher, off the hot rows

            metrics.Record(verdicts.Count(v => v.Accepted), verdicts.SelectMany(v => v.Reasons).Select(r => r.Code), 0);
        }

        var validated = Summarize(message, examples);
        logger.LogInformation("Session {SessionId}: {Accepted} examples accepted, {Rejected} rejected", message.SessionId, validated.Accepted, validated.Rejected);
        await context.Publish(validated, ct);
    }

    private static void Apply(IReadOnlyList<ExampleRecord> examples, IReadOnlyList<ExampleVerdict> verdicts, DateTime now)
    {
        foreach (var (example, verdict) in examples.Zip(verdicts))
        {
            example.Status = verdict.Accepted ? ExampleStatus.Accepted : ExampleStatus.Rejected;
            example.RejectionReasonsJson = verdict.Accepted ? null : JsonSerializer.Serialize(verdict.Reasons);
            example.QualityScore = verdict.QualityScore;
            example.QualityFlagsJson = verdict.Flags.Count == 0 ? null : JsonSerializer.Serialize(verdict.Flags);
            example.ValidatedAt = now;
        }
    }

    private static ExamplesValidated Summarize(SessionProcessed message, List<ExampleRecord> all)
    {
        var examples = all.Where(e => e.Variant == 0).ToList();
        var byReason = examples
            .Where(e => e.Status == ExampleStatus.Rejected)
            .SelectMany(e => JsonSerializer.Deserialize<List<RejectionReason>>(e.RejectionReasonsJson ?? "[]") ?? [])
            .GroupBy(r => r.Code)
            .ToDictionary(g => g.Key, g => g.Count());
        return new ExamplesValidated(
            message.SessionId,
            message.ModelName,
            examples.Count(e => e.Status == ExampleStatus.Accepted),
            examples.Count(e => e.Status == ExampleStatus.Rejected),
            byReason,
            all.Count(e => e.Variant > 0));
    }
}
