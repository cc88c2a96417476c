using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sessions.Contracts;
using Sessions.Storage;

namespace Sessions.Trainer.Augmentation;

/// <summary>
/// The augmentation step of a run: asks the augmentor (the validator service) for the snapshot's copies and reads the
/// kept ones back in a fixed order. No augmentor answering within the timeout fails the run or lets it go on without
/// copies, as <see cref="RunAugmentationOptions.WhenUnanswered"/> says.
/// </summary>
public sealed class AugmentationStage(
    SessionsDbContext db, IRequestClient<AugmentSnapshot> augmentor, TrainerOptions options, ILogger<AugmentationStage> logger)
{
    public async Task<RunCopies> CopiesAsync(Guid runId, string model, IReadOnlyList<long> exampleIds, IDictionary<string, double> metrics, CancellationToken ct)
    {
        var settings = options.Augmentation;
        if (!settings.Enabled)
        {
            metrics["augmented_copies"] = 0;
            return RunCopies.None("none (Trainer:Augmentation:Enabled is false)");
        }

        SnapshotAugmented answer;
        try
        {
            var response = await augmentor.GetResponse<SnapshotAugmented>(
                new AugmentSnapshot(runId, model, exampleIds, options.Seed), ct, RequestTimeout.After(ms: (int)settings.Timeout.TotalMilliseconds));
            answer = response.Message;
        }
        catch (RequestTimeoutException)
        {
            var reason = $"no augmentor answered within {settings.Timeout} (is the validator service running?)";
            if (string.Equals(settings.WhenUnanswered, "fail", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(reason);
            }

            logger.LogWarning("Run {RunId}: {Reason}; training without augmented copies", runId, reason);
            metrics["augmentation_unanswered"] = 1;
            metrics["augmented_copies"] = 0;
            return RunCopies.None($"none ({reason})");
        }

        var copies = await db.AugmentedCopies.AsNoTracking()
            .Where(c => c.RunId == runId && c.Accepted && c.MessagesJson != null)
            .OrderBy(c => c.ParentExampleId).ThenBy(c => c.Ordinal)
            .Select(c => new { c.ParentExampleId, c.SessionId, c.Ordinal, c.Method, c.MessagesJson, c.TokenCount, c.Vector })
            .ToListAsync(ct);
        metrics["augmented_copies"] = answer.Copies;
        metrics["augmentation_rejected"] = answer.RejectedByReason.Values.Sum();
        var methods = string.Join(", ", answer.CopiesByMethod.Select(m => $"{m.Key} {m.Value}"));
        return new RunCopies(
            [.. copies.Select(c => new RunCopy(c.ParentExampleId, c.SessionId, c.Ordinal, c.Method, c.MessagesJson!, c.TokenCount,
                c.Vector is null ? null : StoredVector.FromBytes(c.Vector)))],
            $"{answer.Copies} copies of {answer.Parents} examples' user turns ({(methods.Length == 0 ? "none kept" : methods)}); " +
            $"{answer.RejectedByReason.Values.Sum()} refused; seed {options.Seed}");
    }
}
