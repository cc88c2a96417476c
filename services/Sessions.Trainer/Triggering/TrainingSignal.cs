namespace Sessions.Trainer.Triggering;

/// <summary>Wakes the training worker when a run is queued in this process; it also polls for runs queued elsewhere.</summary>
public sealed class TrainingSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers every queued run.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
