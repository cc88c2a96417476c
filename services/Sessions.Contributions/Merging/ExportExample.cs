namespace Sessions.Contributions.Merging;

/// <summary>An accepted example as the exporter streams it, in training order.</summary>
public sealed record ExportExample(string SessionId, string MessagesJson, int TokenCount);
