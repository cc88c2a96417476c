namespace Sessions.Validator.Quality;

/// <summary>
/// The running mean of one model's accepted embeddings and the running statistics of their cosine distance to it.
/// Each distance is measured against the centroid as it was when the embedding arrived, so early distances come
/// from a moving centroid; after the first few dozen examples the centroid barely moves and the drift is negligible,
/// which is why no outlier fires before <see cref="QualityOptions.MinOutlierSamples"/>.
/// </summary>
public sealed class EmbeddingCentroid
{
    private double[] _mean;

    public EmbeddingCentroid() : this(0, [], new RunningStatistics())
    {
    }

    private EmbeddingCentroid(long count, double[] mean, RunningStatistics distances)
    {
        Count = count;
        _mean = mean;
        Distances = distances;
    }

    public long Count { get; private set; }

    /// <summary>0 until the first embedding fixes it.</summary>
    public int Dimension => _mean.Length;

    public RunningStatistics Distances { get; }

    /// <summary>1 - cosine similarity to the centroid, in [0,2]; null while empty or when dimensions differ.</summary>
    public double? DistanceTo(ReadOnlySpan<float> embedding)
    {
        if (Count == 0 || embedding.Length != _mean.Length)
        {
            return null;
        }

        double dot = 0, norm = 0, meanNorm = 0;
        for (var i = 0; i < embedding.Length; i++)
        {
            dot += embedding[i] * _mean[i];
            norm += (double)embedding[i] * embedding[i];
            meanNorm += _mean[i] * _mean[i];
        }

        return norm <= 0 || meanNorm <= 0 ? null : 1 - (dot / Math.Sqrt(norm * meanNorm));
    }

    /// <summary>Adds an accepted, already checked embedding (finite, non-zero); another dimension is ignored.</summary>
    public void Add(ReadOnlySpan<float> embedding)
    {
        if (Count == 0)
        {
            _mean = new double[embedding.Length];
        }
        else if (embedding.Length != _mean.Length)
        {
            return;
        }

        if (DistanceTo(embedding) is { } distance)
        {
            Distances.Add(distance);
        }

        Count++;
        for (var i = 0; i < embedding.Length; i++)
        {
            _mean[i] += (embedding[i] - _mean[i]) / Count;
        }
    }

    public EmbeddingCentroidSnapshot ToSnapshot() => new(Count, (double[])_mean.Clone(), Distances.ToSnapshot());

    public static EmbeddingCentroid FromSnapshot(EmbeddingCentroidSnapshot snapshot) =>
        new(snapshot.Count, (double[])snapshot.Mean.Clone(), RunningStatistics.FromSnapshot(snapshot.Distances));
}
