using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Contracts;
using Sessions.Embeddings;
using Sessions.Processor.Requirements;
using Sessions.Storage;
using Sessions.Storage.Bulk;
using Sessions.Storage.Entities;
using Sessions.Text.Names;

namespace Sessions.Processor.Consumers;

/// <summary>Idempotent by session id: a session seen before is not stored again, its outcome is re-published.</summary>
public sealed class SessionEndedConsumer(
    SessionsDbContext db,
    SessionIntake intake,
    EmbeddingOptions embeddingOptions,
    TimeProvider clock,
    UserIdProtector userIds,
    ILogger<SessionEndedConsumer> logger) : IConsumer<SessionEnded>
{
    public async Task Consume(ConsumeContext<SessionEnded> context)
    {
        var session = context.Message;
        var ct = context.CancellationToken;
        var stored = !SessionIds.IsValid(session.SessionId)
            ? null
            : await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.SessionId == session.SessionId, ct);
        if (stored is not null)
        {
            logger.LogInformation("Session {SessionId} was already {Status}; re-publishing its outcome", stored.SessionId, stored.Status);
        }
        else
        {
            var outcome = await intake.ProcessAsync(session, ct);
            if (outcome.Reasons.Any(r => r.Code is RejectionCodes.MissingSessionId or RejectionCodes.InvalidSessionId))
            {
                // Nothing to key it on, so nothing is stored; the event still says why.
                logger.LogWarning("Rejected a session without a usable id: {Reasons}", string.Join(",", outcome.Reasons.Select(r => r.Code)));
                await context.Publish(new SessionRejected(session.SessionId ?? "", SessionRecords.ModelName(session), outcome.Reasons), ct);
                return;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            stored = SessionRecords.Session(session, outcome, now, userIds);
            db.Sessions.Add(stored);
            // The session with its rows, or nothing; a concurrent duplicate fails on the session id and is retried. Ten
            // examples and twenty embeddings a session whose ids nobody reads back: bulk, not EF Core's change tracker.
            await new BulkRowWriter(db).SaveChangesWithAsync(async bulk =>
            {
                await bulk.WriteExamplesAsync(SessionRecords.Examples(session, outcome, now).ToList(), ct);
                await bulk.WriteEmbeddingsAsync(SessionRecords.Embeddings(session, outcome, embeddingOptions.Model).ToList(), ct);
            }, ct);
            logger.LogInformation("Session {SessionId} {Status}: {Examples} examples, {Embeddings} embeddings",
                stored.SessionId, stored.Status, stored.ExampleCount, stored.EmbeddingCount);
        }

        if (stored.Status == SessionStatus.Accepted)
        {
            await context.Publish(SessionRecords.Processed(stored), ct);
        }
        else
        {
            await context.Publish(SessionRecords.Rejected(stored), ct);
        }
    }
}
