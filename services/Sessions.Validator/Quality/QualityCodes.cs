namespace Sessions.Validator.Quality;

/// <summary>
/// Stable reason codes of the quality checks. Sequence length reuses
/// <see cref="Validation.ValidationCodes"/> (<c>sequence_too_short</c>, <c>sequence_too_long</c>).
/// </summary>
public static class QualityCodes
{
    // Hard failures: the score is 0 and the example is rejected whatever else it scores.
    public const string EmptyText = "empty_text";
    public const string EmbeddingDimension = "embedding_dimension";
    public const string EmbeddingNotFinite = "embedding_not_finite";
    public const string EmbeddingZeroNorm = "embedding_zero_norm";

    // Rules from the validation config: each one alone takes the score below the threshold.
    public const string TooFewUniqueWords = "too_few_unique_words";
    public const string LowTfIdf = "low_tfidf";
    public const string SessionDuplicateRatio = "session_duplicate_ratio";

    // Curated-data heuristics tuned for chat turns.
    public const string SymbolRatio = "symbol_ratio";
    public const string NonAlphanumericRatio = "non_alphanumeric_ratio";
    public const string RepeatedNgrams = "repeated_ngrams";
    public const string RepeatedLines = "repeated_lines";

    // Flags against the model's accepted corpus.
    public const string LengthOutlier = "length_outlier";
    public const string EmbeddingOutlier = "embedding_outlier";

    /// <summary>Added to every example whose combined score is below the minimum.</summary>
    public const string LowQualityScore = "low_quality_score";
}
