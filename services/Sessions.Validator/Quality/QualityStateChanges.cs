namespace Sessions.Validator.Quality;

/// <summary>
/// What a batch's accepted examples add to a model's quality state, as increments of its stored counters and of
/// its terms' document frequencies. Recorded by <see cref="ModelQualityState.Learn"/> so that it always matches what
/// the in-memory state learned.
/// </summary>
public sealed class QualityStateChanges
{
    public Dictionary<string, long> TermDocuments { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> Counters { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Counters.Count == 0;

    /// <summary>Adds another batch's changes to these.</summary>
    public void Add(QualityStateChanges other)
    {
        foreach (var (term, count) in other.TermDocuments)
        {
            TermDocuments[term] = TermDocuments.GetValueOrDefault(term) + count;
        }

        foreach (var (name, value) in other.Counters)
        {
            Add(name, value);
        }
    }

    internal void AddDocument(IEnumerable<string> distinctTerms)
    {
        foreach (var term in distinctTerms)
        {
            TermDocuments[term] = TermDocuments.GetValueOrDefault(term) + 1;
        }

        Add(CorpusCounterNames.Documents, 1);
    }

    internal void AddLogLength(double value) =>
        AddStatistic(CorpusCounterNames.LogLengthCount, CorpusCounterNames.LogLengthSum, CorpusCounterNames.LogLengthSumOfSquares, value);

    internal void AddDistance(double value) =>
        AddStatistic(CorpusCounterNames.DistanceCount, CorpusCounterNames.DistanceSum, CorpusCounterNames.DistanceSumOfSquares, value);

    internal void AddEmbedding(ReadOnlySpan<float> embedding)
    {
        Add(CorpusCounterNames.CentroidCount, 1);
        for (var i = 0; i < embedding.Length; i++)
        {
            Add(CorpusCounterNames.CentroidComponent(i), embedding[i]);
        }
    }

    private void AddStatistic(string count, string sum, string sumOfSquares, double value)
    {
        if (!double.IsFinite(value))
        {
            return; // RunningStatistics ignores it too
        }

        Add(count, 1);
        Add(sum, value);
        Add(sumOfSquares, value * value);
    }

    private void Add(string name, double value) => Counters[name] = Counters.GetValueOrDefault(name) + value;
}
