namespace Sessions.Trainer.FineTuning;

public sealed record CommandOutcome(int ExitCode, TimeSpan Duration, string LogPath);
