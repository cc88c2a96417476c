using System.Text.Json.Serialization;

namespace Sessions.UnitTests.Datasets.Parquet;

/// <summary>Row shapes the Parquet tests write (as a Python exporter would), one class per layout or fault.</summary>
public static class ParquetTestRows
{
    public sealed class PromptCompletion
    {
        [JsonPropertyName("prompt")] public string? Prompt { get; set; }
        [JsonPropertyName("completion")] public string? Completion { get; set; }
        [JsonPropertyName("system")] public string? System { get; set; }
        [JsonPropertyName("session_id")] public string? SessionId { get; set; }
        [JsonPropertyName("weight")] public double? Weight { get; set; }
        [JsonPropertyName("embedding")] public List<float>? Embedding { get; set; }
    }

    public sealed class ChatWithNulls
    {
        [JsonPropertyName("messages")] public List<Message?>? Messages { get; set; }
    }

    public sealed class Message
    {
        [JsonPropertyName("role")] public string? Role { get; set; }
        [JsonPropertyName("content")] public string? Content { get; set; }
    }

    public sealed class NumericRoles
    {
        [JsonPropertyName("messages")] public List<NumericRole>? Messages { get; set; }
    }

    public sealed class NumericRole
    {
        [JsonPropertyName("role")] public int Role { get; set; }
        [JsonPropertyName("content")] public string? Content { get; set; }
    }

    public sealed class TextOnly
    {
        [JsonPropertyName("text")] public string? Text { get; set; }
    }

    public sealed class NumericPrompt
    {
        [JsonPropertyName("prompt")] public int Prompt { get; set; }
        [JsonPropertyName("completion")] public string? Completion { get; set; }
    }
}
