using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Validator.Validation;

namespace Sessions.Validator.Consumers;

/// <summary>Validates a session's pending examples; a redelivery finds none pending and re-publishes the stored verdicts.</summary>
public sealed class SessionProcessedConsumer(
    SessionsDbContext db,
    ValidationCorpusLoader corpora,
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
            var candidates = await corpora.CandidatesAsync(message.SessionId, pending, ct);
            var corpus = await corpora.LoadAsync(message.ModelName, candidates, ct);
            var verdicts = validator.Validate(candidates, corpus);

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (example, verdict) in pending.Zip(verdicts))
            {
                example.Status = verdict.Accepted ? ExampleStatus.Accepted : ExampleStatus.Rejected;
                example.RejectionReasonsJson = verdict.Accepted ? null : JsonSerializer.Serialize(verdict.Reasons);
                example.QualityScore = verdict.QualityScore;
                example.ValidatedAt = now;
            }

            corpora.Record(message.ModelName, pending.Zip(verdicts).Where(p => p.Second.Accepted).Select(p => (p.First, p.Second.Fingerprint)));
            db.ValidationReports.Add(ValidationReports.Of(message, verdicts, augmented: 0, now));
            await db.SaveChangesAsync(ct);
            metrics.Record(verdicts.Count(v => v.Accepted), verdicts.SelectMany(v => v.Reasons).Select(r => r.Code));
        }

        var validated = Summarize(message, examples);
        logger.LogInformation("Session {SessionId}: {Accepted} examples accepted, {Rejected} rejected", message.SessionId, validated.Accepted, validated.Rejected);
        await context.Publish(validated, ct);
    }

    private static ExamplesValidated Summarize(SessionProcessed message, List<ExampleRecord> examples)
    {
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
            byReason);
    }
}
