namespace Sessions.Trainer.FineTuning;

/// <summary>An accepted example as the exporter streams it.</summary>
public sealed record ExportExample(string SessionId, string MessagesJson, int TokenCount, long Id = 0);
