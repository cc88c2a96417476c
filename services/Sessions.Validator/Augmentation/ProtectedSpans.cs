using System.Text.RegularExpressions;

namespace Sessions.Validator.Augmentation;

/// <summary>
/// What a copy must keep exactly as its parent has it: redaction placeholders, code, links, e-mail addresses and
/// numbers, each as many times as the parent holds it, and no placeholder the parent does not hold. The rewriting
/// operations never touch them (see <see cref="WordSequence"/>); this check also holds paraphrases to it.
/// </summary>
public static partial class ProtectedSpans
{
    public static IReadOnlyList<string> Of(string text) =>
        [.. SpanPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    public static bool Kept(string parent, string copy)
    {
        var wanted = Of(parent).CountBy(s => s).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var found = Of(copy).CountBy(s => s).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return wanted.All(w => found.GetValueOrDefault(w.Key) >= w.Value)
            && found.Keys.Where(k => k.StartsWith('<')).All(wanted.ContainsKey);
    }

    /// <summary>True when nothing but placeholders, punctuation and spaces is left to rewrite.</summary>
    public static bool OnlyPlaceholders(string text) =>
        PlaceholderPattern().IsMatch(text) && PlaceholderPattern().Replace(text, "").All(c => !char.IsLetterOrDigit(c));

    [GeneratedRegex(@"```[\s\S]*?(?:```|$)|`[^`\n]+`|\b(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|<[A-Z][A-Z0-9_]*>|\d+(?:[.,:/-]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex SpanPattern();

    [GeneratedRegex(@"<[A-Z][A-Z0-9_]*>", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
