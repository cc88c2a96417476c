namespace Sessions.Storage.Entities;

/// <summary>One LSH band key of an accepted example: a near-duplicate check is one indexed lookup per band, whatever the corpus size.</summary>
public class NearDuplicateBandRecord
{
    public long Id { get; set; }
    public string ModelName { get; set; } = "";
    public long BandKey { get; set; }
    public long ExampleId { get; set; }
}
