using Sessions.Contracts;

namespace Sessions.Admin.Ingest;

/// <summary>A line of a JSON Lines file of sessions: the parsed session, or why the line could not be read.</summary>
public sealed record SessionLine(int LineNumber, SessionEnded? Session, string? Error);
