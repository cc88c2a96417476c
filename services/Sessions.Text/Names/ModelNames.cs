namespace Sessions.Text.Names;

/// <summary>
/// What a model name may be, for every entry (chat backends, admin commands, contributed imports, TrainModel):
/// <c>[A-Za-z0-9][A-Za-z0-9._-]{0,63}</c>, and never "." or ".." — so a valid name is always one safe folder name.
/// </summary>
public static class ModelNames
{
    public const int MaxLength = 64;
    public const string Rule = "a model name is 1 to 64 characters from A-Z a-z 0-9 . _ -, starting with a letter or digit";

    /// <summary>What is stored in place of a name that broke the rule; it breaks the rule itself, so it never names a real model.</summary>
    public const string InvalidPlaceholder = "_invalid";

    public static bool IsValid(string? name) => Problem(name) is null;

    /// <summary>Why <paramref name="name"/> is not a model name, or null when it is one; never echoes the name.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the model name is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"the model name has {name.Length} characters; {Rule}";
        }

        if (!char.IsAsciiLetterOrDigit(name[0]) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            return Rule;
        }

        return null;
    }

    /// <summary>The name itself when valid; otherwise a short, escaped-safe description for messages and logs.</summary>
    public static string Describe(string? name) => IsValid(name) ? name! : Identifiers.Printable(name, 40);
}
