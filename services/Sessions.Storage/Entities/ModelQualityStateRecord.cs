namespace Sessions.Storage.Entities;

/// <summary>
/// A model's running corpus statistics for the validator (document count, length statistics, embedding centroid);
/// updated with every validated batch under an optimistic concurrency check, so competing validators never lose an update.
/// </summary>
public class ModelQualityStateRecord
{
    public string ModelName { get; set; } = "";
    public long Documents { get; set; }
    /// <summary>Serialized running statistics (lengths, distances to the centroid), owned by the validator.</summary>
    public string StatisticsJson { get; set; } = "{}";
    public byte[]? Centroid { get; set; }
    public int Version { get; set; }
}
