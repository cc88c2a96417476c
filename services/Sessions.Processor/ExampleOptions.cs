namespace Sessions.Processor;

public class ExampleOptions
{
    public int MaxTokens { get; set; } = 512;
    /// <summary>A silence longer than this starts a new context (seed 001 <c>session_timeout</c>).</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(3600);
    /// <summary>Role markers and separators a chat template adds per message.</summary>
    public int TokensPerMessage { get; set; } = 4;
}
