namespace Sessions.Admin.Reporting;

public sealed record DailyDuplicates(DateOnly Day, int Validated, int ExactDuplicates, int NearDuplicates);
