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
/// Validates a session's pending examples, then augments the accepted ones and validates the copies the same way;
/// all saved at once. A redelivery finds none pending and re-publishes the stored verdicts.
/// </summary>
public sealed class SessionProcessedConsumer(
    SessionsDbContext db,
    ValidationCorpusLoader corpora,
    CorpusStatisticsStore statistics,
    PendingCorpusStatistics unwrittenStatistics,
    ExampleValidator validator,
    ExampleAugmentation augmentation,
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

            var parents = pending.Zip(candidates, verdicts).Where(p => p.Third.Accepted).Select(p => (p.First, p.Second)).ToList();
            // The EDA schedule reads the dataset size: the accepted originals the quality statistics count, not a COUNT(*) that grows with the corpus.
            var copies = await augmentation.CopiesAsync(parents, (int)corpus.Quality.Documents.DocumentCount, now, ct);
            // The copies' signals are computed here once; validating the copies reads them again.
            await statistics.KnowWordsAsync(message.ModelName, corpus.Quality, copies.Select(c => corpus.SignalsOf(c.Candidate.Text.Combined).Words), ct);
            var copyVerdicts = validator.Validate(copies.Select(c => c.Candidate).ToList(), corpus);
            // Only copies that pass are kept: a rejected copy is a generated artifact, not data anyone sent.
            var keptCopies = copies.Zip(copyVerdicts).Where(c => c.Second.Accepted).ToList();
            Apply(keptCopies.Select(c => c.First.Record).ToList(), keptCopies.Select(c => c.Second).ToList(), now);

            db.ValidationReports.Add(ValidationReports.Of(message, verdicts, keptCopies.Count, now));
            // Copies get no band rows: later data that is near one of them is near its parent, which has them.
            var bands = ValidationCorpusLoader.BandRows(pending.Zip(verdicts).Where(p => p.Second.Accepted).Select(p => (p.First, p.Second.Fingerprint)));
            // Verdicts, copies, band rows and the report, or none. Up to 16 copies and 16 band rows per example: through
            // EF Core they were most of the validator's CPU.
            await new BulkRowWriter(db).SaveChangesWithAsync(async bulk =>
            {
                await bulk.WriteExamplesAsync(keptCopies.Select(c => c.First.Record).ToList(), ct);
                await bulk.WriteBandsAsync(message.ModelName, bands, ct);
            }, ct);
            unwrittenStatistics.Add(message.ModelName, corpus.Quality.Changes!); // written by CorpusStatisticsFlusher, off the hot rows

            metrics.Record(verdicts.Count(v => v.Accepted), verdicts.SelectMany(v => v.Reasons).Select(r => r.Code), keptCopies.Count);
            examples.AddRange(keptCopies.Select(c => c.First.Record));
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
