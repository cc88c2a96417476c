namespace Sessions.Text.Names;

/// <summary>
/// What a session id may be: 1 to 200 characters from <c>A-Z a-z 0-9 . _ - : @ + = /</c>, starting with a letter or digit
/// (UUIDs, ULIDs, prefixed ids and base64 fit). No spaces, quotes, brackets, backslashes, control characters or
/// NUL: an id is shown in terminals, logs and HTML reports and sent to PostgreSQL, and none of those may be surprised by it.
/// </summary>
public static class SessionIds
{
    public const int MaxLength = 200;
    public const string Rule = "a session id is 1 to 200 characters from A-Z a-z 0-9 . _ - : @ + = /, starting with a letter or digit";

    public static bool IsValid(string? id) => Problem(id) is null;

    /// <summary>Why <paramref name="id"/> is not a session id, or null when it is one; never echoes the id.</summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "the session has no id";
        }

        if (id.Length > MaxLength)
        {
            return $"the session id has {id.Length} characters; {Rule}";
        }

        return char.IsAsciiLetterOrDigit(id[0]) && id.All(Allowed) ? null : Rule;
    }

    private static bool Allowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':' or '@' or '+' or '=' or '/';
}
