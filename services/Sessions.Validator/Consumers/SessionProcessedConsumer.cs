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
            var hashes = pending.Select(e => e.ContentHash).Distinct().ToList();
            var accepted = await db.Examples
                .Where(e => e.ModelName == message.ModelName && e.Status == ExampleStatus.Accepted && hashes.Contains(e.ContentHash))
                .Select(e => e.ContentHash)
                .ToListAsync(ct);
            var verdicts = validator.Validate(
                pending.Select(e => new ExampleCandidate(e.Id, e.ContentHash, e.TokenCount)).ToList(),
                accepted.ToHashSet());

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (example, verdict) in pending.Zip(verdicts))
            {
                example.Status = verdict.Accepted ? ExampleStatus.Accepted : ExampleStatus.Rejected;
                example.RejectionReasonsJson = verdict.Accepted ? null : JsonSerializer.Serialize(verdict.Reasons);
                example.ValidatedAt = now;
            }

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
