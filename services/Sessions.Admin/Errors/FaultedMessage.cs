namespace Sessions.Admin.Errors;

/// <summary>One message waiting in an error queue, with the fault MassTransit recorded when it moved it there.</summary>
public sealed record FaultedMessage(string? MessageId, string? ExceptionType, string? Reason, string? Timestamp, int Bytes);
