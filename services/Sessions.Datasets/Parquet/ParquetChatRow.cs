using System.Text.Json.Serialization;

namespace Sessions.Datasets.Parquet;

/// <summary>
/// One exported row in the Hugging Face chat layout: <c>messages</c> (list of <c>{role, content}</c>), <c>session_id</c>,
/// <c>status</c> and, for rejected examples, <c>rejection_reasons</c> (JSON text). Read back by <see cref="ParquetRowReader"/>.
/// </summary>
public sealed class ParquetChatRow
{
    [JsonPropertyName("messages")]
    public List<ParquetChatMessage> Messages { get; set; } = [];

    [JsonPropertyName("session_id")]
    public string? SessionId { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("rejection_reasons")]
    public string? RejectionReasons { get; set; }
}
