namespace Sessions.Trainer.FineTuning;

/// <summary>
/// What happens to a run's exported <c>train.jsonl</c> and <c>validation.jsonl</c>: kept as files, handed to an external
/// command, or sent to a fine-tuning API. Chosen once at registration from <c>Trainer:FineTuningBackend</c>.
/// </summary>
public interface IFineTuningBackend
{
    Task<FineTuningOutcome> TrainAsync(string folder, int epochs, CancellationToken ct);
}
