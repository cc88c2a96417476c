namespace Sessions.Admin.Errors;

/// <summary>An error queue's depth and its first messages; <c>Exists</c> is false when MassTransit never created it.</summary>
public sealed record ErrorQueueSummary(string Queue, string ErrorQueue, bool Exists, long Messages, IReadOnlyList<FaultedMessage> First);
