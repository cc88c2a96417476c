namespace Sessions.Storage.Entities;

/// <summary>Why a trigger did or did not start a run, so an admin can answer "why didn't it train?".</summary>
public class TrainingDecisionRecord
{
    public long Id { get; set; }
    public string ModelName { get; set; } = "";
    public string Trigger { get; set; } = "";
    /// <summary><c>queued</c>, <c>coalesced</c> or <c>skipped</c>.</summary>
    public string Decision { get; set; } = "";
    public string Reason { get; set; } = "";
    public string Detail { get; set; } = "";
    public Guid? RunId { get; set; }
    public DateTime At { get; set; }
}
