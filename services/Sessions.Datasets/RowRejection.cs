namespace Sessions.Datasets;

/// <summary>A row that was not accepted: where it is, a stable code from <see cref="RowRejectionCodes"/>, and why.</summary>
public sealed record RowRejection(string Source, long RowNumber, string Code, string Detail);
