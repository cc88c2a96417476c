namespace Sessions.Validator.Quality;

/// <summary>
/// The additive counters a model's <see cref="ModelQualityState"/> is stored as (besides one document frequency per
/// term): sums, never means, so that concurrent validators can each add theirs in one atomic statement.
/// </summary>
public static class CorpusCounterNames
{
    public const string Documents = "documents";
    public const string LogLengthCount = "log_length.count";
    public const string LogLengthSum = "log_length.sum";
    public const string LogLengthSumOfSquares = "log_length.sum_squares";
    public const string DistanceCount = "centroid_distance.count";
    public const string DistanceSum = "centroid_distance.sum";
    public const string DistanceSumOfSquares = "centroid_distance.sum_squares";
    public const string CentroidCount = "centroid.count";

    /// <summary>Component i of the sum of the accepted embeddings: "centroid.0", "centroid.1", ...</summary>
    public static string CentroidComponent(int i) => $"centroid.{i}";

    public const string CentroidComponentPrefix = "centroid.";
}
