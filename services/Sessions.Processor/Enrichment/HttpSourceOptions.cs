namespace Sessions.Processor.Enrichment;

public class HttpSourceOptions
{
    public string Name { get; set; } = "";
    public Uri? Url { get; set; }
    public bool Required { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
