using System.Text.Json.Serialization;

namespace Sessions.Datasets.Parquet;

/// <summary>One message of a <see cref="ParquetChatRow"/>.</summary>
public sealed class ParquetChatMessage
{
    [JsonPropertyName("role")]
    public string Role { get; set; } = "";

    [JsonPropertyName("content")]
    public string Content { get; set; } = "";
}
