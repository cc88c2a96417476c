namespace Sessions.Validator.Quality;

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

    /// <summary>When set, every <see cref="Learn"/> also records what it added, for the store to persist.</summary>
    public QualityStateChanges? Changes { get; init; }

    /// <summary>Document frequencies learned but not yet stored (by this process), for terms loaded later.</summary>
    public Func<string, long>? PendingTermDocuments { get; set; }

    /// <summary>Adds an accepted example; the signals are the ones its assessment computed.</summary>
    public void Learn(QualityInput input, TextQualitySignals signals)
    {
        var terms = new HashSet<string>(signals.Words, StringComparer.Ordinal);
        Documents.Add(terms);
        Changes?.AddDocument(terms);
        var logLength = LogLength(input.TokenCount);
        LogLengths.Add(logLength);
        Changes?.AddLogLength(logLength);
        if (input.Embedding is { } embedding && (Centroid.Count == 0 || embedding.Length == Centroid.Dimension))
        {
            if (Centroid.DistanceTo(embedding) is { } distance)
            {
                Changes?.AddDistance(distance);
            }

            Centroid.Add(embedding);
            Changes?.AddEmbedding(embedding);
        }
    }

    /// <summary>
    /// The state as stored: the counters of <see cref="CorpusCounterNames"/> and the document frequencies of the
    /// terms at hand (the only ones a batch's TF-IDF reads; <see cref="DocumentFrequencies.Know"/> adds more later).
    /// </summary>
    public static ModelQualityState FromCounters(IReadOnlyDictionary<string, double> counters, IReadOnlyDictionary<string, long> termDocuments, QualityStateChanges? changes = null)
    {
        double Get(string name) => counters.GetValueOrDefault(name);
        var documents = DocumentFrequencies.FromSnapshot(new DocumentFrequencySnapshot((long)Get(CorpusCounterNames.Documents), termDocuments));
        var lengths = RunningStatistics.FromSums((long)Get(CorpusCounterNames.LogLengthCount), Get(CorpusCounterNames.LogLengthSum), Get(CorpusCounterNames.LogLengthSumOfSquares));
        var distances = RunningStatistics.FromSums((long)Get(CorpusCounterNames.DistanceCount), Get(CorpusCounterNames.DistanceSum), Get(CorpusCounterNames.DistanceSumOfSquares));
        var count = (long)Get(CorpusCounterNames.CentroidCount);
        var dimension = 0;
        while (count > 0 && counters.ContainsKey(CorpusCounterNames.CentroidComponent(dimension)))
        {
            dimension++;
        }

        var mean = new double[dimension];
        for (var i = 0; i < dimension; i++)
        {
            mean[i] = Get(CorpusCounterNames.CentroidComponent(i)) / count;
        }

        var centroid = EmbeddingCentroid.FromSnapshot(new EmbeddingCentroidSnapshot(dimension == 0 ? 0 : count, mean, distances.ToSnapshot()));
        return new ModelQualityState(documents, lengths, centroid) { Changes = changes };
    }

    public static double LogLength(int tokens) => Math.Log(1.0 + Math.Max(0, tokens));

    public ModelQualitySnapshot ToSnapshot() => new(Documents.ToSnapshot(), LogLengths.ToSnapshot(), Centroid.ToSnapshot());

    public static ModelQualityState FromSnapshot(ModelQualitySnapshot snapshot) => new(
        DocumentFrequencies.FromSnapshot(snapshot.Documents),
        RunningStatistics.FromSnapshot(snapshot.LogLengths),
        EmbeddingCentroid.FromSnapshot(snapshot.Centroid));
}
