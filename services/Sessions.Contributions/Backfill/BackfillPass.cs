namespace Sessions.Contributions.Backfill;

/// <summary>What one backfill pass did: examples embedded, their models, and whether the queue is now empty.</summary>
public sealed record BackfillPass(int Embedded, IReadOnlyList<string> Models, bool Drained, bool Contended = false, int Vectors = 0)
{
    public static BackfillPass Idle { get; } = new(0, [], true);

    /// <summary>Another replica (or a rollback) changed the batch meanwhile: nothing stored, try again at once.</summary>
    public static BackfillPass Raced { get; } = new(0, [], false, Contended: true);
}
