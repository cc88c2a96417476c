using Sessions.Contracts;

namespace Sessions.Trainer.Triggering;

public static class TriggerKind
{
    public const string Auto = "auto";
    public const string Manual = "manual";
    public const string FollowUp = "follow_up";
}

public sealed record TrainingRequest(string ModelName, string Type, string Trigger, bool Force, string RequestedBy, int? Epochs = null);

/// <summary>What the database says about a model when a trigger arrives.</summary>
public sealed record ModelTrainingState(bool ModelKnown, int NewAccepted, int AcceptedTotal, string? ActiveRunStatus, DateTime? LastRunAt);

public enum DecisionKind
{
    Queue,
    Coalesce,
    Skip,
}

/// <summary>A decision with a stable reason code (for example <c>not_enough_new_examples</c>) and a human detail.</summary>
public sealed record TrainingDecision(DecisionKind Kind, string Reason, string Detail);

/// <summary>Whether a trigger starts a run, joins the active one, or is skipped, and why. No bus, no database.</summary>
public sealed class TrainingPolicy(TrainerOptions options)
{
    private static readonly HashSet<string> Types = [TrainingType.Embedding, TrainingType.FineTuning, TrainingType.All];

    public int DefaultEpochs => options.Epochs;

    /// <summary>How many new examples meet the threshold; a caller need not count beyond it.</summary>
    public int EnoughNewExamples => Math.Max(1, options.MinNewExamples);

    /// <summary>
    /// The trigger a run's follow-up is decided as: coalesced automatic triggers stay automatic (the minimum interval
    /// holds them back, or a steady stream would keep the trainer retraining back to back); an admin's keeps its way.
    /// </summary>
    public static string FollowUpTrigger(bool anyManual, bool anyForced) =>
        anyManual || anyForced ? TriggerKind.FollowUp : TriggerKind.Auto;

    public TrainingDecision Decide(TrainingRequest request, ModelTrainingState state, DateTime now)
    {
        if (!Types.Contains(request.Type))
        {
            return new(DecisionKind.Skip, "invalid_type", $"type '{request.Type}' is not one of embedding, finetuning, all");
        }

        if (request.Epochs is < 1 or > TrainerOptions.MaxEpochs)
        {
            return new(DecisionKind.Skip, "invalid_epochs", $"{request.Epochs} epochs; between 1 and {TrainerOptions.MaxEpochs}");
        }

        if (!state.ModelKnown)
        {
            return new(DecisionKind.Skip, "unknown_model", $"no data has ever been stored for model '{request.ModelName}'");
        }

        if (state.ActiveRunStatus is { } active)
        {
            return new(DecisionKind.Coalesce, active == "running" ? "run_in_progress" : "run_queued",
                active == "running" ? "a run is in progress; one follow-up run will consider the new data" : "joined the run already queued");
        }

        if (request.Force)
        {
            return new(DecisionKind.Queue, "forced", $"forced by {request.RequestedBy}; {state.AcceptedTotal} accepted examples");
        }

        if (state.NewAccepted < options.MinNewExamples)
        {
            return new(DecisionKind.Skip, "not_enough_new_examples",
                $"{state.NewAccepted} new accepted examples since the last run; {options.MinNewExamples} required");
        }

        if (request.Trigger == TriggerKind.Auto && state.LastRunAt is { } last && now - last < options.MinInterval)
        {
            return new(DecisionKind.Skip, "too_soon", $"last run at {last:O}; automatic runs at most every {options.MinInterval}");
        }

        return new(DecisionKind.Queue, "threshold_met", $"at least {options.MinNewExamples} new accepted examples since the last run");
    }
}
