namespace Sessions.Storage.Entities;

/// <summary>In how many accepted examples of a model a term occurs: the document frequencies of TF-IDF, kept incrementally.</summary>
public class TermFrequencyRecord
{
    public string ModelName { get; set; } = "";
    public string Term { get; set; } = "";
    public long Documents { get; set; }
}
