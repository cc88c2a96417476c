namespace Sessions.Processor;

public class ExampleOptions
{
    public int MaxTokens { get; set; } = 512;
    /// <summary>A silence longer than this starts a new context (seed 001 <c>session_timeout</c>).</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(3600);
    /// <summary>What OpenAI's chat format adds per message (OpenAI cookbook: 3 plus the role's one token).</summary>
    public int TokensPerMessage { get; set; } = 4;
    /// <summary>What it adds once per example: the assistant reply is primed with 3 tokens (OpenAI cookbook).</summary>
    public int TokensPerExample { get; set; } = 3;
}
