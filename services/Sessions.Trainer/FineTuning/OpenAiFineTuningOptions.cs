namespace Sessions.Trainer.FineTuning;

/// <summary>The <c>openai</c> fine-tuning backend: any service speaking OpenAI's files and fine-tuning jobs API.</summary>
public class OpenAiFineTuningOptions
{
    /// <summary>Base address, for example <c>https://api.openai.com/v1/</c>.</summary>
    public Uri? Endpoint { get; set; }
    /// <summary>From configuration or environment only.</summary>
    public string? ApiKey { get; set; }
    /// <summary>The base model to fine-tune, for example <c>gpt-4o-mini-2024-07-18</c>.</summary>
    public string BaseModel { get; set; } = "gpt-4o-mini-2024-07-18";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(12);
}
