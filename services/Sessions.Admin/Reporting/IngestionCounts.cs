namespace Sessions.Admin.Reporting;

/// <summary>What the publisher itself decided about lines of the file, so that the summary accounts for every line.</summary>
public sealed record IngestionCounts(int IdenticalRepeats, int ConflictingDuplicates, int Failed);
