namespace Sessions.Datasets.Reading;

/// <summary>The checks every contributed conversation must pass, whatever format it came in.</summary>
public static class ChatRules
{
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";

    public static (string Code, string Detail)? Check(IReadOnlyList<ContributedMessage> messages)
    {
        if (messages.Count == 0) return (RowRejectionCodes.MissingMessages, "the row has no messages");
        var hasAssistant = false;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Role is not (System or User or Assistant))
                return (RowRejectionCodes.UnknownRole, $"message {i + 1} has role '{message.Role}'; allowed: system, user, assistant");
            if (string.IsNullOrWhiteSpace(message.Content))
                return (RowRejectionCodes.EmptyContent, $"message {i + 1} ({message.Role}) has empty content");
            hasAssistant |= message.Role == Assistant;
        }
        return hasAssistant ? null : (RowRejectionCodes.NoAssistantMessage, "the row has no assistant message to learn from");
    }
}
