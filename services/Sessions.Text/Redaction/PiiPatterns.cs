using System.Text.RegularExpressions;

namespace Sessions.Text.Redaction;

/// <summary>
/// Candidate patterns; each candidate is then checked (Luhn, mod-97, address parsing, phone shape) so that a
/// pattern can stay simple without over-redacting. Every pattern has a match timeout and no nested quantifiers.
/// </summary>
internal static partial class PiiPatterns
{
    private const int TimeoutMs = 250;

    [GeneratedRegex(@"(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![\w-])", RegexOptions.None, TimeoutMs)]
    public static partial Regex Email();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])", RegexOptions.None, TimeoutMs)]
    public static partial Regex Iban();

    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])", RegexOptions.None, TimeoutMs)]
    public static partial Regex CardNumber();

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\.?\d)", RegexOptions.None, TimeoutMs)]
    public static partial Regex IPv4();

    [GeneratedRegex(@"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])", RegexOptions.None, TimeoutMs)]
    public static partial Regex IPv6();

    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{1,6}(?:[ .-]\d{2,6}){1,5}(?![\w])", RegexOptions.None, TimeoutMs)]
    public static partial Regex Phone();

    [GeneratedRegex(@"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$", RegexOptions.None, TimeoutMs)]
    public static partial Regex Date();
}
