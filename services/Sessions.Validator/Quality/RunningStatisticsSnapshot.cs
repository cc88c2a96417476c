namespace Sessions.Validator.Quality;

/// <summary>Persistable state of <see cref="RunningStatistics"/>.</summary>
public sealed record RunningStatisticsSnapshot(long Count, double Mean, double SumOfSquaredDeviations);
