using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Trainer.Triggering;

/// <summary>Exactly one of the two is set.</summary>
public sealed record TrainingRequestOutcome(TrainingQueued? Queued, TrainingSkipped? Skipped);

/// <summary>Loads a model's state, applies the policy, and stores the decision (and the run) in one save.</summary>
public sealed class TrainingRequests(SessionsDbContext db, TrainingPolicy policy, TrainingSignal signal, TimeProvider clock, TrainerMetrics metrics)
{
    public async Task<TrainingRequestOutcome> RequestAsync(TrainingRequest request, CancellationToken ct)
    {
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var (state, active) = await LoadStateAsync(request.ModelName, request.Force, ct);
            var decision = policy.Decide(request, state, now);
            if (decision.Kind == DecisionKind.Coalesce && !await RequestFollowUpAsync(active!, request, ct))
            {
                continue; // the active run ended meanwhile: decide again against the new state
            }

            var outcome = Record(request, decision, active, now);
            await db.SaveChangesAsync(ct);
            metrics.Decided(decision.Kind.ToString().ToLowerInvariant(), decision.Reason);
            if (decision.Kind == DecisionKind.Queue)
            {
                signal.Notify();
            }

            return outcome;
        }
    }

    /// <summary>
    /// Flags the active run for one follow-up, only while it is still active; the worker reads the flag after the
    /// run ends, so a trigger is either seen by the worker or (when this returns false) decided again here.
    /// </summary>
    private async Task<bool> RequestFollowUpAsync(TrainingRunRecord active, TrainingRequest request, CancellationToken ct)
    {
        var forced = request.Force && active.Status == TrainingRunStatus.Running;
        var manual = request.Trigger == TriggerKind.Manual;
        var flagged = await db.TrainingRuns
            .Where(r => r.Id == active.Id && (r.Status == TrainingRunStatus.Queued || r.Status == TrainingRunStatus.Running))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.FollowUpRequested, true)
                .SetProperty(r => r.FollowUpForced, r => r.FollowUpForced || forced)
                .SetProperty(r => r.FollowUpManual, r => r.FollowUpManual || manual), ct);
        return flagged == 1;
    }

    private TrainingRequestOutcome Record(TrainingRequest request, TrainingDecision decision, TrainingRunRecord? active, DateTime now)
    {
        Guid? runId = null;
        TrainingRequestOutcome result;
        switch (decision.Kind)
        {
            case DecisionKind.Queue:
                var run = new TrainingRunRecord
                {
                    Id = Guid.NewGuid(),
                    ModelName = request.ModelName,
                    Type = request.Type,
                    Trigger = request.Trigger,
                    RequestedBy = request.RequestedBy,
                    Force = request.Force,
                    Epochs = request.Epochs ?? policy.DefaultEpochs,
                    CreatedAt = now,
                };
                db.TrainingRuns.Add(run);
                runId = run.Id;
                result = new(new TrainingQueued(run.Id, run.ModelName, run.Type, run.Trigger, Coalesced: false), null);
                break;
            case DecisionKind.Coalesce:
                runId = active!.Id;
                result = new(new TrainingQueued(active.Id, active.ModelName, active.Type, request.Trigger, Coalesced: true), null);
                break;
            default:
                result = new(null, new TrainingSkipped(request.ModelName, decision.Reason, decision.Detail));
                break;
        }

        db.TrainingDecisions.Add(new TrainingDecisionRecord
        {
            ModelName = request.ModelName,
            Trigger = request.Trigger,
            Decision = decision.Kind switch { DecisionKind.Queue => "queued", DecisionKind.Coalesce => "coalesced", _ => "skipped" },
            Reason = decision.Reason,
            Detail = decision.Detail,
            RunId = runId,
            At = now,
        });
        return result;
    }

    /// <summary>
    /// Every validated session asks, so the cost must not grow with the corpus: new examples are counted only up to
    /// the threshold (more changes no decision), the total only for a forced run, whose detail shows it.
    /// </summary>
    private async Task<(ModelTrainingState State, TrainingRunRecord? ActiveRun)> LoadStateAsync(string model, bool force, CancellationToken ct)
    {
        var known = await db.Examples.AnyAsync(e => e.ModelName == model, ct);
        var active = await db.TrainingRuns.AsNoTracking().FirstOrDefaultAsync(
            r => r.ModelName == model && (r.Status == TrainingRunStatus.Queued || r.Status == TrainingRunStatus.Running), ct);
        var completed = db.TrainingRuns.Where(r => r.ModelName == model && r.Status == TrainingRunStatus.Completed);
        var watermark = await completed.MaxAsync(r => (long?)r.Watermark, ct) ?? 0;
        var lastRunAt = await completed.MaxAsync(r => r.CompletedAt, ct);
        var accepted = db.Examples.Where(e => e.ModelName == model && e.Status == ExampleStatus.Accepted && !e.EmbeddingsPending);
        var newAccepted = await accepted.Where(e => e.Id > watermark).Select(e => e.Id).OrderBy(id => id)
            .Take(policy.EnoughNewExamples).CountAsync(ct); // ordered: EF Core warns about Take without OrderBy
        var total = force ? await accepted.CountAsync(ct) : 0;
        return (new ModelTrainingState(known, newAccepted, total, active?.Status, lastRunAt), active);
    }
}
