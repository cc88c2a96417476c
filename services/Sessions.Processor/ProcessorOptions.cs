namespace Sessions.Processor;

/// <summary>Every processing rule's default (seed 001), bound from the <c>Processor</c> section.</summary>
public class ProcessorOptions
{
    public const string SectionName = "Processor";

    public SessionRequirementsOptions Requirements { get; set; } = new();
    public ExampleOptions Examples { get; set; } = new();
    public Enrichment.EnrichmentOptions Enrichment { get; set; } = new();
    public Sessions.Text.Names.UserIdOptions UserIds { get; set; } = new();
}
