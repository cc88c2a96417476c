namespace Sessions.Processor.Requirements;

/// <summary>Stable reason codes of <c>SessionRejected</c>.</summary>
public static class RejectionCodes
{
    public const string MissingSessionId = "missing_session_id";
    public const string InvalidSessionId = "invalid_session_id";
    public const string TooFewMessages = "too_few_messages";
    public const string TooManyMessages = "too_many_messages";
    public const string TooShort = "too_short";
    public const string TooLong = "too_long";
    public const string EndBeforeStart = "end_before_start";
    public const string InvalidRole = "invalid_role";
    public const string EmptyContent = "empty_content";
    public const string MessageTooLong = "message_too_long";
    public const string InvalidEncoding = "invalid_encoding";
    public const string ControlCharacters = "control_characters";
    public const string MissingTimestamp = "missing_timestamp";
    public const string TimestampsOutOfOrder = "timestamps_out_of_order";
    public const string TimestampInFuture = "timestamp_in_future";
    public const string NoExamples = "no_examples";
    public const string InvalidModelName = "invalid_model_name";
    public const string InvalidUserId = "invalid_user_id";
    public const string TimestampOutOfRange = "timestamp_out_of_range";
    /// <summary>Counted by the embedded host for a second, different session with an id already in its file (it is not sent; <c>sessions-admin ingest</c> publishes every line).</summary>
    public const string DuplicateSessionId = "duplicate_session_id";
}
