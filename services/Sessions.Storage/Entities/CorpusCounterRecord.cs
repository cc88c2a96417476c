namespace Sessions.Storage.Entities;

/// <summary>
/// One additive statistic of a model's accepted corpus for the validator (document count, sums of log lengths,
/// centroid components, ...). Writers only ever add to <see cref="Value"/> in one atomic upsert, so concurrent
/// validators never conflict or lose an update.
/// </summary>
public class CorpusCounterRecord
{
    public string ModelName { get; set; } = "";
    public string Name { get; set; } = "";
    public double Value { get; set; }
}
