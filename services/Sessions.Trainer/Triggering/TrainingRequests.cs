using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Trainer.Triggering;

/// <summary>Exactly one of the two is set.</summary>
public sealed record TrainingRequestOutcome(TrainingQueued? Queued, TrainingSkipped? Skipped);

/// <summary>Loads a model's state, applies the policy, and stores the decision (and the run) in one save.</summary>
public sealed class TrainingRequests(SessionsDbContext db, TrainingPolicy policy, TrainingSignal signal, TimeProvider clock)
{
    public async Task<TrainingRequestOutcome> RequestAsync(TrainingRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = await LoadStateAsync(request.ModelName, ct);
        var decision = policy.Decide(request, state.State, now);

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
                    CreatedAt = now,
                };
                db.TrainingRuns.Add(run);
                runId = run.Id;
                result = new(new TrainingQueued(run.Id, run.ModelName, run.Type, run.Trigger, Coalesced: false), null);
                break;
            case DecisionKind.Coalesce:
                var active = state.ActiveRun!;
                if (active.Status == TrainingRunStatus.Running)
                {
                    active.FollowUpRequested = true;
                    active.FollowUpForced |= request.Force;
                }

                runId = active.Id;
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
        await db.SaveChangesAsync(ct);

        if (decision.Kind == DecisionKind.Queue)
        {
            signal.Notify();
        }

        return result;
    }

    private async Task<(ModelTrainingState State, TrainingRunRecord? ActiveRun)> LoadStateAsync(string model, CancellationToken ct)
    {
        var known = await db.Examples.AnyAsync(e => e.ModelName == model, ct);
        var active = await db.TrainingRuns.FirstOrDefaultAsync(
            r => r.ModelName == model && (r.Status == TrainingRunStatus.Queued || r.Status == TrainingRunStatus.Running), ct);
        var completed = db.TrainingRuns.Where(r => r.ModelName == model && r.Status == TrainingRunStatus.Completed);
        var watermark = await completed.MaxAsync(r => (long?)r.Watermark, ct) ?? 0;
        var lastRunAt = await completed.MaxAsync(r => r.CompletedAt, ct);
        var accepted = db.Examples.Where(e => e.ModelName == model && e.Status == ExampleStatus.Accepted);
        var newAccepted = await accepted.CountAsync(e => e.Id > watermark, ct);
        var total = await accepted.CountAsync(ct);
        return (new ModelTrainingState(known, newAccepted, total, active?.Status, lastRunAt), active);
    }
}
