namespace Sessions.Validator.Quality;

/// <summary>Everything the quality checks remember about one model's accepted corpus, as one persistable value.</summary>
public sealed record ModelQualitySnapshot(
    DocumentFrequencySnapshot Documents,
    RunningStatisticsSnapshot LogLengths,
    EmbeddingCentroidSnapshot Centroid);
