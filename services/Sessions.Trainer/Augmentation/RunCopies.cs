namespace Sessions.Trainer.Augmentation;

/// <summary>The copies a run got from the augmentor (none when augmentation is off or unanswered) and one line saying which.</summary>
public sealed record RunCopies(IReadOnlyList<RunCopy> Copies, string Description)
{
    public static RunCopies None(string why) => new([], why);
}
