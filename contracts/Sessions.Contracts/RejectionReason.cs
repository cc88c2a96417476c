namespace Sessions.Contracts;

/// <summary>A stable reason code (for example <c>too_few_messages</c>) and a human detail.</summary>
public record RejectionReason(string Code, string Detail);
