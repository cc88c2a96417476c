namespace Sessions.Datasets;

/// <summary>Stable snake_case codes of per-row rejections; reports and outcome events carry these strings.</summary>
public static class RowRejectionCodes
{
    public const string InvalidJson = "invalid_json";
    public const string InvalidUtf8 = "invalid_utf8";
    public const string RowTooLarge = "row_too_large";
    public const string SchemaViolation = "schema_violation";
    public const string MissingMessages = "missing_messages";
    public const string NullInMessages = "null_in_messages";
    public const string UnknownRole = "unknown_role";
    public const string EmptyContent = "empty_content";
    public const string NoAssistantMessage = "no_assistant_message";
    public const string InvalidWeight = "invalid_weight";
    public const string EmbeddingInvalid = "embedding_invalid";
    public const string EmbeddingDimension = "embedding_dimension";
    public const string EmbeddingNotFinite = "embedding_not_finite";
    public const string EmbeddingZeroNorm = "embedding_zero_norm";
    public const string CsvMalformed = "csv_malformed";
}
