namespace Sessions.Trainer.FineTuning;

/// <summary>The default backend: the files are the result; an operator trains wherever they like.</summary>
public sealed class ExportOnlyBackend : IFineTuningBackend
{
    public Task<FineTuningOutcome> TrainAsync(string folder, int epochs, CancellationToken ct) =>
        Task.FromResult(new FineTuningOutcome(new Dictionary<string, double>()));
}
