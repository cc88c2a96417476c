namespace Sessions.Admin.Commands;

/// <summary>One example as <c>export</c> writes it: its chat messages (JSON), session, status and rejection reasons (JSON).</summary>
public sealed record ExportedRow(string SessionId, string MessagesJson, string Status, string? RejectionReasonsJson);
