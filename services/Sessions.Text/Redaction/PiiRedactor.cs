using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Sessions.Text.Redaction;

/// <summary>
/// Replaces e-mail addresses, IBANs (mod-97 checked), card numbers (Luhn checked), IPv4/IPv6 addresses and phone
/// numbers with typed placeholders such as <c>&lt;EMAIL&gt;</c>, in that order, so that digits already claimed by an
/// earlier type are never read again as a phone. Patterns only find candidates; the checks below decide. Never
/// throws: the patterns have no nested ambiguity and a match timeout, and a step that times out is skipped.
/// </summary>
public sealed partial class PiiRedactor(RedactionOptions options)
{
    private const int TimeoutMs = 1000;

    public RedactionResult Redact(string text)
    {
        var counts = new Dictionary<PiiType, int>();
        if (!options.Enabled || string.IsNullOrEmpty(text))
        {
            return new RedactionResult(text ?? string.Empty, counts);
        }

        // Cheap character checks spare most chat messages the patterns they cannot match.
        if (options.Email && text.Contains('@'))
        {
            text = Replace(text, EmailPattern(), PiiType.Email, (_, m) => AcceptEmail(m.Value), counts);
        }

        // Every later type needs a decimal digit (IBAN [0-9], cards, IP addresses and phones \d; an IPv6 candidate is
        // only accepted with an ASCII digit) and placeholders have none: a text without one is done. Most replies are.
        if (!HasDecimalDigit(text))
        {
            return new RedactionResult(text, counts);
        }

        if (options.Iban)
        {
            text = Replace(text, IbanPattern(), PiiType.Iban, (_, m) => AcceptIban(m.Value), counts);
        }

        if (options.CreditCard)
        {
            text = Replace(text, CardPattern(), PiiType.CreditCard, (_, m) => IsCardNumber(m.Value) ? m.Length : 0, counts);
        }

        if (options.IpAddress)
        {
            text = text.Contains('.') ? Replace(text, IPv4Pattern(), PiiType.IpAddress, (input, m) => IsIPv4(m.Value, input, m.Index) ? m.Length : 0, counts) : text;
            text = text.Contains(':') ? Replace(text, IPv6Pattern(), PiiType.IpAddress, (_, m) => IsIPv6(m.Value) ? m.Length : 0, counts) : text;
        }

        if (options.Phone)
        {
            text = Replace(text, PhonePattern(), PiiType.Phone, (input, m) => IsPhone(m.Value, input, m.Index) ? m.Length : 0, counts);
        }

        return new RedactionResult(text, counts);
    }

    // What \d matches (Unicode decimal digits, one UTF-16 unit each), with the common ASCII case searched first.
    private static bool HasDecimalDigit(string text) =>
        text.AsSpan().ContainsAnyInRange('0', '9') || (!System.Text.Ascii.IsValid(text) && text.Any(char.IsDigit));

    public static IReadOnlyDictionary<PiiType, int> AddCounts(IReadOnlyDictionary<PiiType, int> left, IReadOnlyDictionary<PiiType, int> right)
    {
        var sum = new Dictionary<PiiType, int>(left);
        foreach (var (type, count) in right)
        {
            sum[type] = sum.GetValueOrDefault(type) + count;
        }

        return sum;
    }

    /// <summary>ISO 13616: two letters, two check digits (02..98), 11 to 30 letters or digits; moved and read as a number, mod 97 is 1.</summary>
    public static bool IsIban(string candidate)
    {
        var compact = candidate.Replace(" ", "").Replace("-", "");
        if (compact.Length is < 15 or > 34 || !compact.All(char.IsAsciiLetterOrDigit)
            || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]) || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return false;
        }

        if (((compact[2] - '0') * 10) + (compact[3] - '0') is < 2 or > 98)
        {
            return false;
        }

        var remainder = 0;
        foreach (var c in compact[4..] + compact[..4])
        {
            var upper = char.ToUpperInvariant(c);
            remainder = char.IsAsciiDigit(upper)
                ? ((remainder * 10) + (upper - '0')) % 97
                : ((remainder * 100) + (upper - 'A' + 10)) % 97;
        }

        return remainder == 1;
    }

    /// <summary>13 to 19 digits, written whole or in the groups printed on cards, with an issuer's first digit, passing Luhn.</summary>
    public static bool IsCardNumber(string candidate)
    {
        if (candidate.Contains(' ') && candidate.Contains('-'))
        {
            return false;
        }

        var groups = candidate.Split([' ', '-']);
        var digits = string.Concat(groups);
        return digits.Length is >= 13 and <= 19 && digits.All(char.IsAsciiDigit)
            && HasCardGrouping(groups) && HasIssuerPrefix(digits) && PassesLuhn(digits)
            && !(groups.Length == 1 && IsEan13(digits));
    }

    // A 13-digit run with a valid EAN-13 (GTIN, ISBN-13) check digit is a barcode: 13-digit Visa numbers are long
    // retired, and one in ten barcodes that start with 4 (Germany's prefixes 400..440) also passes Luhn.
    private static bool IsEan13(string digits)
    {
        if (digits.Length != 13)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return (10 - (sum % 10)) % 10 == digits[12] - '0';
    }

    private static bool HasCardGrouping(string[] groups) =>
        groups.Length == 1
        || (groups.Length >= 3 && groups[..^1].All(g => g.Length == 4) && groups[^1].Length is >= 1 and <= 4)
        || (groups.Length == 3 && groups[0].Length == 4 && groups[1].Length == 6 && groups[2].Length is 4 or 5);

    // Visa 13/16/19 starts with 4, Diners 14 and Amex 15 with 3, the 16-digit networks with 2 to 6, longer Maestro/UnionPay with 4 to 6.
    private static bool HasIssuerPrefix(string digits) => digits.Length switch
    {
        13 => digits[0] == '4',
        14 or 15 => digits[0] == '3',
        16 => digits[0] is >= '2' and <= '6',
        _ => digits[0] is >= '4' and <= '6',
    };

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    private static bool IsIPv6(string candidate) =>
        candidate.Any(char.IsAsciiDigit)
        && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    // 6.0.0.0 on its own is a version far more often than a host; as a network it comes with a prefix length (10.0.0.0/8).
    // A build suffix ("5.15.0.91-generic") marks a version too.
    private static bool IsIPv4(string candidate, string text, int index)
    {
        var end = index + candidate.Length;
        var versionLike = candidate.EndsWith(".0.0.0", StringComparison.Ordinal) && candidate[0] != '0' && (end >= text.Length || text[end] != '/');
        var buildSuffix = end + 1 < text.Length && text[end] == '-' && char.IsAsciiLetter(text[end + 1]);
        return !versionLike && !buildSuffix && !IsVersionContext(text, index);
    }

    // "version 1.0.0.0", "Version=4.0.0.0", "version is 1.0.0.0", "section 1.2.3.4", "kernel 5.15.0.91", "libfoo 2.10.3.1",
    // "upgrade to 1.2.3.4": a dotted quad right after such a word, or listed after one that is ("versions 2.0.0.1 and 2.0.0.2").
    private static bool IsVersionContext(string text, int index)
    {
        if (VersionContextPattern().IsMatch(text.AsSpan(Math.Max(0, index - 48), Math.Min(index, 48))))
        {
            return true;
        }

        var listed = ListedAfterDottedNumberPattern().Match(text[..index]);
        return listed.Success && IsVersionContext(text, listed.Index);
    }

    private static int AcceptEmail(string candidate)
    {
        // icon@2x.png names an image, not a mailbox.
        var label = candidate[(candidate.IndexOf('@') + 1)..].Split('.')[0];
        var scaleSuffix = label.Length >= 2 && label[^1] is 'x' or 'X' && label[..^1].All(char.IsAsciiDigit);
        return scaleSuffix ? 0 : candidate.Length;
    }

    // The grouped form may run into the next word ("BE68 5390 0754 7034 and"): drop trailing groups until it checks.
    private static int AcceptIban(string candidate)
    {
        while (!IsIban(candidate))
        {
            var cut = candidate.LastIndexOfAny([' ', '-']);
            if (cut < 0)
            {
                return 0;
            }

            candidate = candidate[..cut];
        }

        return candidate.Length;
    }

    private static string Replace(string text, Regex pattern, PiiType type, Func<string, Match, int> acceptedLength, Dictionary<PiiType, int> counts)
    {
        var found = 0;
        try
        {
            var replaced = pattern.Replace(text, match =>
            {
                var length = acceptedLength(text, match);
                if (length <= 0)
                {
                    return match.Value;
                }

                found++;
                return PiiPlaceholders.For(type) + match.Value[length..];
            });
            if (found > 0)
            {
                counts[type] = counts.GetValueOrDefault(type) + found;
            }

            return replaced;
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    [GeneratedRegex(@"(?<![\w.%+-])[\w.%+-]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}\p{L}{2,24}(?![\w-]|\.[\p{L}\p{N}])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex EmailPattern();

    // Compact, or in groups of four (split by spaces, or by dashes) with a shorter last group. The two separators are
    // spelled out rather than a backreference: the generator cannot compile a case-insensitive backreference and left
    // this pattern to the interpreter.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{11,30}| [A-Z0-9]{4}(?: [A-Z0-9]{4}){1,6}(?: [A-Z0-9]{1,3})?|-[A-Z0-9]{4}(?:-[A-Z0-9]{4}){1,6}(?:-[A-Z0-9]{1,3})?)(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex IbanPattern();

    // A whole digit run only: neither starting nor ending inside a longer number.
    [GeneratedRegex(@"(?<![\w+\-.,/$€£]|\d[ -])\d(?:[ -]?\d){12,18}(?![\w-]|[ -]\d|[.,]\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CardPattern();

    // Four octets of 0..255, not part of a longer dotted number.
    [GeneratedRegex(@"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\w|\.\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex IPv4Pattern();

    [GeneratedRegex(@"\b(?:versions?|ver|v|build|release|firmware|fw|rev|section|chapter|kernel|linux|\w*lib\w*|package|pkg|driver|sdk|bios|patch|update|upgrade|downgrade)\b(?:\W{1,3}(?:is|was|of|no|number|to|from))?\W{1,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex VersionContextPattern();

    // The dotted number before ", ", " and ", " or ", " / " that ends the text.
    [GeneratedRegex(@"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?:,?\s+(?:and|or|&)|\s*[,/])\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ListedAfterDottedNumberPattern();

    [GeneratedRegex(@"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex IPv6Pattern();
}

