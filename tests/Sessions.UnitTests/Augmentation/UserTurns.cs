using System.Text.RegularExpressions;

namespace Sessions.UnitTests.Augmentation;

/// <summary>User turns the augmentation tests share, and the words of a text as the augmenter sees them.</summary>
internal static partial class UserTurns
{
    /// <summary>Thirty words, mixed case, punctuation and a question at the end.</summary>
    public const string Billing =
        "Hello, my monthly invoice suddenly went up after I attached the extra storage volume last week. " +
        "Could you explain which charges changed and how I can reduce the total cost?";

    public static string[] Words(string text) => WordPattern().Matches(text).Select(m => m.Value).ToArray();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")]
    private static partial Regex WordPattern();
}
