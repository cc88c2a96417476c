namespace Sessions.Processor.Enrichment;

public class EnrichmentOptions
{
    /// <summary>Extra HTTP sources, each asked <c>GET {Url}?sessionId=…&amp;userId=…</c> for a JSON document.</summary>
    public List<HttpSourceOptions> Sources { get; set; } = [];
}
