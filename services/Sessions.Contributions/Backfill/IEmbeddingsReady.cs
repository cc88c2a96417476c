namespace Sessions.Contributions.Backfill;

/// <summary>Told when the backfill has embedded every waiting example of some models (the trainer then considers training them).</summary>
public interface IEmbeddingsReady
{
    Task ReadyAsync(IReadOnlyCollection<string> models, CancellationToken ct);
}
