namespace Sessions.Admin.Status;

public sealed record SourceStatus(string Name, bool Answered, double Milliseconds, string? Error, object? Data);
