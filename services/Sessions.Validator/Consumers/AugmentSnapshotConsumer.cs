using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Validator.Augmentation;

namespace Sessions.Validator.Consumers;

/// <summary>
/// The augmentor's side of a training run: makes and stores the copies of the run's snapshot, then answers with their
/// counts. Idempotent by run id: a redelivered request finds the run's copies stored and answers from them.
/// </summary>
public sealed class AugmentSnapshotConsumer(
    SessionsDbContext db, SnapshotAugmentor augmentor, ILogger<AugmentSnapshotConsumer> logger) : IConsumer<AugmentSnapshot>
{
    private const int ChunkRows = 1_000;

    public async Task Consume(ConsumeContext<AugmentSnapshot> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        if (!await db.AugmentedCopies.AnyAsync(c => c.RunId == message.RunId, ct))
        {
            var parents = new List<AugmentationParent>(message.ExampleIds.Count);
            foreach (var chunk in message.ExampleIds.Distinct().Order().Chunk(ChunkRows))
            {
                parents.AddRange(await db.Examples.AsNoTracking()
                    .Where(e => chunk.Contains(e.Id) && e.ModelName == message.ModelName && e.Status == ExampleStatus.Accepted)
                    .OrderBy(e => e.Id)
                    .Select(e => new AugmentationParent(e.Id, e.SessionId, e.ContentHash, e.MessagesJson, e.TokenCount))
                    .ToListAsync(ct));
            }

            var outcomes = await augmentor.AugmentAsync(parents, message.Seed, ct);
            db.AugmentedCopies.AddRange(outcomes.Select(o => Row(message, o)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var stored = await db.AugmentedCopies.AsNoTracking().Where(c => c.RunId == message.RunId)
            .Select(c => new { c.ParentExampleId, c.Method, c.Accepted, c.RejectionReason }).ToListAsync(ct);
        var answer = new SnapshotAugmented(
            message.RunId,
            message.ModelName,
            stored.Select(c => c.ParentExampleId).Distinct().Count(),
            stored.Count(c => c.Accepted),
            stored.Where(c => c.Accepted).CountBy(c => c.Method).OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(),
            stored.Where(c => !c.Accepted).CountBy(c => c.RejectionReason ?? "").OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary());
        logger.LogInformation("Run {RunId}: {Copies} augmented copies of {Parents} examples kept", message.RunId, answer.Copies, answer.Parents);
        await context.RespondAsync(answer);
    }

    private static AugmentedCopyRecord Row(AugmentSnapshot message, CopyOutcome o) => new()
    {
        RunId = message.RunId,
        ModelName = message.ModelName,
        ParentExampleId = o.ParentId,
        SessionId = o.SessionId,
        Ordinal = o.Ordinal,
        Method = o.Method,
        UserText = o.Text,
        MessagesJson = o.MessagesJson,
        ContentHash = o.ContentHash,
        TokenCount = o.TokenCount,
        ParentCosine = o.ParentCosine,
        Fluency = o.Fluency,
        Accepted = o.Accepted,
        RejectionReason = o.Reason,
        Vector = o.Vector is null ? null : StoredVector.ToBytes(o.Vector),
    };
}
