namespace Sessions.Validator.Quality;

/// <summary>Persistable state of <see cref="EmbeddingCentroid"/>.</summary>
public sealed record EmbeddingCentroidSnapshot(long Count, double[] Mean, RunningStatisticsSnapshot Distances);
