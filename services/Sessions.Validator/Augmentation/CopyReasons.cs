namespace Sessions.Validator.Augmentation;

/// <summary>Stable reason codes for a parent that gets no copy, or a copy that is refused.</summary>
public static class CopyReasons
{
    public const string ParentTooShort = "parent_too_short";
    public const string ParentAllPlaceholders = "parent_all_placeholders";
    public const string ParentLanguageNotCovered = "parent_language_not_covered";
    public const string ParentWithoutUserTurn = "parent_without_user_turn";
    public const string NoRewrite = "no_rewrite";
    public const string ProtectedSpanChanged = "protected_span_changed";
    public const string NotFluent = "not_fluent";
    public const string SemanticDrift = "semantic_drift";
    public const string DuplicateCopy = "duplicate_copy";
    public const string ParaphraseFailed = "paraphrase_failed";
    public const string ParaphraseEmpty = "paraphrase_empty";
    public const string ParaphraseOtherLanguage = "paraphrase_other_language";
    public const string ParaphraseUnchanged = "paraphrase_unchanged";
}
