namespace Sessions.Processor;

/// <summary>Every processing rule's default (seed 001), bound from the <c>Processor</c> section.</summary>
public class ProcessorOptions
{
    public const string SectionName = "Processor";

    public SessionRequirementsOptions Requirements { get; set; } = new();
    public ExampleOptions Examples { get; set; } = new();
    public Sessions.Text.Redaction.RedactionOptions Redaction { get; set; } = new();
    public Enrichment.EnrichmentOptions Enrichment { get; set; } = new();
}

public class SessionRequirementsOptions
{
    public int MinMessages { get; set; } = 10;
    public int MaxMessages { get; set; } = 1000;
    public TimeSpan MinDuration { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(24);
    public int MaxSessionIdLength { get; set; } = 200;
    /// <summary>A single message longer than this is refused outright (a 512-token example needs far less).</summary>
    public int MaxMessageChars { get; set; } = 32_000;
    /// <summary>Clock skew tolerated before a timestamp counts as in the future.</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);
}

public class ExampleOptions
{
    public int MaxTokens { get; set; } = 512;
    /// <summary>A silence longer than this starts a new context (seed 001 <c>session_timeout</c>).</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(3600);
    /// <summary>Role markers and separators a chat template adds per message.</summary>
    public int TokensPerMessage { get; set; } = 4;
}
