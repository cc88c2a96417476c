namespace Sessions.Validator.Quality;

/// <summary>Everything the quality checks remember about one model's accepted corpus, as one persistable value.</summary>
public sealed record ModelQualitySnapshot(
    DocumentFrequencySnapshot Documents,
    RunningStatisticsSnapshot LogLengths,
    EmbeddingCentroidSnapshot Centroid);

/// <summary>
/// One model's accepted corpus as the quality checks see it: document frequencies for TF-IDF, running statistics of
/// ln(1 + tokens) for the length outlier, the embedding centroid for the embedding outlier. Assessment reads it;
/// only <see cref="Learn"/> (for accepted examples) changes it.
/// </summary>
public sealed class ModelQualityState(DocumentFrequencies documents, RunningStatistics logLengths, EmbeddingCentroid centroid)
{
    public ModelQualityState() : this(new DocumentFrequencies(), new RunningStatistics(), new EmbeddingCentroid())
    {
    }

    public DocumentFrequencies Documents { get; } = documents;

    /// <summary>
    /// Of ln(1 + token count): chat lengths are heavy-tailed (many short turns, a few long replies). On raw counts
    /// mean - 2 sd is below zero, so short outliers never fire while ordinary long replies do; on the log scale
    /// the distribution is near-symmetric and both sides mean something.
    /// </summary>
    public RunningStatistics LogLengths { get; } = logLengths;

    public EmbeddingCentroid Centroid { get; } = centroid;

    /// <summary>Adds an accepted example; the signals are the ones its assessment computed.</summary>
    public void Learn(QualityInput input, TextQualitySignals signals)
    {
        Documents.Add(signals.Words);
        LogLengths.Add(LogLength(input.TokenCount));
        if (input.Embedding is { } embedding)
        {
            Centroid.Add(embedding);
        }
    }

    public static double LogLength(int tokens) => Math.Log(1.0 + Math.Max(0, tokens));

    public ModelQualitySnapshot ToSnapshot() => new(Documents.ToSnapshot(), LogLengths.ToSnapshot(), Centroid.ToSnapshot());

    public static ModelQualityState FromSnapshot(ModelQualitySnapshot snapshot) => new(
        DocumentFrequencies.FromSnapshot(snapshot.Documents),
        RunningStatistics.FromSnapshot(snapshot.LogLengths),
        EmbeddingCentroid.FromSnapshot(snapshot.Centroid));
}
