namespace Sessions.Contributions.Merging;

/// <summary>An accepted example as the exporter streams it, in training order (<paramref name="Id"/>: the stored example, 0 when it is not one).</summary>
public sealed record ExportExample(string SessionId, string MessagesJson, int TokenCount, long Id = 0);
