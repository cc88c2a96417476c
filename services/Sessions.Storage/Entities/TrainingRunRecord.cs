namespace Sessions.Storage.Entities;

public class TrainingRunRecord
{
    public Guid Id { get; set; }
    public string ModelName { get; set; } = "";
    public string Type { get; set; } = "";
    /// <summary><c>auto</c>, <c>manual</c> or <c>follow_up</c>.</summary>
    public string Trigger { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public bool Force { get; set; }
    public int Epochs { get; set; }
    public string Status { get; set; } = TrainingRunStatus.Queued;
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>While running, the worker renews this; a run whose lease lapsed was abandoned by a crashed process.</summary>
    public DateTime? LeaseExpiresAt { get; set; }
    public int ExampleCount { get; set; }
    /// <summary>Highest accepted example id in the run's snapshot; later examples are "new" for the next run.</summary>
    public long Watermark { get; set; }
    public string? SnapshotHash { get; set; }
    public string? ModelVersion { get; set; }
    public string? MetricsJson { get; set; }
    public string? ArtifactLocation { get; set; }
    public string? Error { get; set; }
    /// <summary>The run's adapter beat the previously promoted one on the same validation data and is the one to serve.</summary>
    public bool Promoted { get; set; }
    /// <summary>A trigger arrived while this run was running; one follow-up run is queued when it ends.</summary>
    public bool FollowUpRequested { get; set; }
    public bool FollowUpForced { get; set; }
    /// <summary>An admin's trigger is among the coalesced ones: the follow-up is not held back by the automatic runs' minimum interval.</summary>
    public bool FollowUpManual { get; set; }
}
