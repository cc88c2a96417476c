namespace Sessions.Datasets.Reading;

/// <summary>
/// Which CSV header columns hold what. <see cref="UserColumn"/> and <see cref="AssistantColumn"/> must exist.
/// The optional columns, when left null, are used if the header has a column of their default name
/// (<c>system</c>, <c>session_id</c>, <c>embedding</c>, <c>weight</c>); when set, that column must exist.
/// </summary>
public sealed class CsvColumnMapping
{
    /// <summary>The user turn (a prompt/completion file maps its prompt here).</summary>
    public string UserColumn { get; set; } = "prompt";

    /// <summary>The assistant reply (the completion).</summary>
    public string AssistantColumn { get; set; } = "completion";

    public string? SystemColumn { get; set; }

    public string? SessionIdColumn { get; set; }

    /// <summary>A JSON array of numbers as text, e.g. <c>"[0.1, -0.2, ...]"</c>.</summary>
    public string? EmbeddingColumn { get; set; }

    public string? WeightColumn { get; set; }

    public char Delimiter { get; set; } = ',';
}
