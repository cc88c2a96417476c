namespace Sessions.Processor.Enrichment;

public class EnrichmentOptions
{
    /// <summary>Extra HTTP sources, each asked <c>GET {Url}?sessionId=…&amp;userId=…</c> for a JSON document.</summary>
    public List<HttpSourceOptions> Sources { get; set; } = [];
}

public class HttpSourceOptions
{
    public string Name { get; set; } = "";
    public Uri? Url { get; set; }
    public bool Required { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
