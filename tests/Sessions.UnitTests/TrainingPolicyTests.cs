using Sessions.Trainer;
using Sessions.Trainer.Triggering;

namespace Sessions.UnitTests;

public class TrainingPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
    private readonly TrainingPolicy _policy = new(new TrainerOptions { MinInterval = TimeSpan.FromMinutes(10) });

    private static TrainingRequest Auto => new("default", "all", TriggerKind.Auto, false, "pipeline");
    private static ModelTrainingState State(int newAccepted, string? active = null, DateTime? lastRun = null, bool known = true) =>
        new(known, newAccepted, newAccepted + 10, active, lastRun);

    [Fact]
    public void Five_new_accepted_examples_queue_a_run() =>
        Assert.Equal(DecisionKind.Queue, _policy.Decide(Auto, State(5), Now).Kind);

    [Fact]
    public void Four_are_not_enough_and_the_reason_says_so()
    {
        var decision = _policy.Decide(Auto, State(4), Now);
        Assert.Equal((DecisionKind.Skip, "not_enough_new_examples"), (decision.Kind, decision.Reason));
        Assert.Contains("4 new", decision.Detail);
    }

    [Fact]
    public void A_trigger_during_a_run_is_coalesced_not_lost() =>
        Assert.Equal((DecisionKind.Coalesce, "run_in_progress"), Pair(_policy.Decide(Auto, State(50, active: "running"), Now)));

    [Fact]
    public void Automatic_runs_respect_the_minimum_interval_but_manual_ones_do_not()
    {
        var state = State(50, lastRun: Now.AddMinutes(-5));
        Assert.Equal((DecisionKind.Skip, "too_soon"), Pair(_policy.Decide(Auto, state, Now)));
        Assert.Equal(DecisionKind.Queue, _policy.Decide(Auto with { Trigger = TriggerKind.Manual }, state, Now).Kind);
    }

    [Fact]
    public void A_follow_up_of_automatic_triggers_waits_for_the_minimum_interval_but_one_an_admin_asked_for_does_not()
    {
        var justFinished = State(50, lastRun: Now.AddSeconds(-1));
        var automatic = Auto with { Trigger = TrainingPolicy.FollowUpTrigger(anyManual: false, anyForced: false) };
        var asked = Auto with { Trigger = TrainingPolicy.FollowUpTrigger(anyManual: true, anyForced: false) };
        Assert.Equal((DecisionKind.Skip, "too_soon"), Pair(_policy.Decide(automatic, justFinished, Now)));
        Assert.Equal((DecisionKind.Queue, "threshold_met"), Pair(_policy.Decide(asked, justFinished, Now)));
        Assert.Equal(DecisionKind.Queue, _policy.Decide(automatic, State(50, lastRun: Now.AddMinutes(-11)), Now).Kind);
    }

    [Fact]
    public void Force_ignores_the_threshold_but_not_an_unknown_model_or_type()
    {
        var forced = Auto with { Trigger = TriggerKind.Manual, Force = true };
        Assert.Equal((DecisionKind.Queue, "forced"), Pair(_policy.Decide(forced, State(0), Now)));
        Assert.Equal((DecisionKind.Skip, "unknown_model"), Pair(_policy.Decide(forced, State(0, known: false), Now)));
        Assert.Equal((DecisionKind.Skip, "invalid_type"), Pair(_policy.Decide(forced with { Type = "lora" }, State(9), Now)));
    }

    private static (DecisionKind, string) Pair(TrainingDecision d) => (d.Kind, d.Reason);
}
