using System.Text.RegularExpressions;

namespace Sessions.Text.Redaction;

/// <summary>Phone numbers: what shapes of digit groups count as a phone, and which context makes a bare run one.</summary>
public sealed partial class PiiRedactor
{
    private const int MinPhoneDigits = 7;
    private const int MaxPhoneDigits = 15;

    /// <summary>
    /// 7 to 15 digits in a phone shape: international (+CC or 00CC), North American (415) 555-0134 / 415-555-0134 /
    /// 555-0134, or national with a trunk 0 (020 7946 0958, 030/901820, 01 42 68 53 00). Dates, years, amounts,
    /// versions and bare digit runs such as order numbers have none of these shapes; right after "call", "tel" and
    /// the like ("reach me at", "contact us on"), a bare run or loosely grouped digits count too.
    /// </summary>
    private static bool IsPhone(string candidate, string text, int index)
    {
        var groups = PhoneGroups(candidate);
        if (groups.Count == 0)
        {
            return false;
        }

        var digits = groups.Sum(g => g.Digits.Count(char.IsAsciiDigit));
        if (candidate[0] == '+' || groups[0].Digits.StartsWith('+'))
        {
            return digits is >= MinPhoneDigits + 1 and <= MaxPhoneDigits;
        }

        if (StartsWithDate(groups))
        {
            return false;
        }

        if (digits is >= MinPhoneDigits and <= MaxPhoneDigits && groups.Skip(1).All(g => g.Digits.Length >= 2)
            && PhoneContextPattern().IsMatch(text.AsSpan(Math.Max(0, index - 40), Math.Min(index, 40))))
        {
            return true;
        }

        if (groups.Count < 2)
        {
            return false;
        }

        var first = groups[0];
        if (!first.Paren && first.Digits.Length is >= 3 and <= 5 && first.Digits.StartsWith("00") && first.Digits[2] != '0')
        {
            // After the country code a single digit may stand alone: France's "0033 1 45 67 89 10".
            return digits - 2 is >= MinPhoneDigits + 1 and <= MaxPhoneDigits && groups.Skip(2).All(g => g.Digits.Length >= 2);
        }

        return digits is >= MinPhoneDigits and <= MaxPhoneDigits && (IsNorthAmerican(groups) || IsNationalWithTrunkPrefix(groups, digits));
    }

    private static bool IsNorthAmerican(List<PhoneGroup> groups)
    {
        if (groups.Count == 4 && !groups[0].Paren && groups[0].Digits == "1")
        {
            groups = groups[1..];
        }

        if (groups.Count == 2)
        {
            return !groups[0].Paren && groups[0].Digits.Length == 3 && groups[0].Digits[0] >= '2'
                && groups[1].Digits.Length == 4 && groups[1].Separator == '-';
        }

        if (groups.Count != 3 || groups[1].Paren || groups[2].Paren
            || groups[0].Digits.Length != 3 || groups[1].Digits.Length != 3 || groups[2].Digits.Length != 4
            || groups[0].Digits[0] < '2' || (!groups[0].Paren && groups[1].Digits[0] < '2'))
        {
            return false;
        }

        return groups[0].Paren
            ? groups[2].Separator is ' ' or '-' or '.'
            : groups[1].Separator == groups[2].Separator && groups[1].Separator is ' ' or '-' or '.';
    }

    private static bool IsNationalWithTrunkPrefix(List<PhoneGroup> groups, int digits)
    {
        if (groups.Count > 2 && groups[0] is { Paren: true, Digits: "0" })
        {
            // (0)30 901820: the trunk 0 in parentheses belongs to the area code.
            groups = [groups[1] with { Digits = "0" + groups[1].Digits, Paren = true }, .. groups[2..]];
        }

        var prefix = groups[0].Digits;
        if (prefix.Length is < 2 or > 5 || prefix[0] != '0' || prefix[1] == '0' || digits < 8)
        {
            return false;
        }

        var rest = groups[1..];
        // After a parenthesised area code the first separator is free: "(030) 901820", "(030)901820".
        var separators = rest.Skip(groups[0].Paren ? 1 : 0).Select(g => g.Separator).Distinct().ToList();
        if (rest.Any(g => g.Paren) || separators.Count > 1 || separators.Contains('\0'))
        {
            return false;
        }

        var pairs = rest.Count == 4 && rest.All(g => g.Digits.Length == 2);
        return pairs || rest.All(g => g.Digits.Length is >= 3 and <= 8);
    }

    // 2026-11-22, 22.11.2026, 12/11/26, 01 12 2026, unless the same separator goes on (06.12.34.56.78 is a French phone).
    private static bool StartsWithDate(List<PhoneGroup> groups)
    {
        if (groups.Count < 3 || groups[0].Paren || groups[1].Paren || groups[2].Paren)
        {
            return false;
        }

        var separator = groups[1].Separator;
        var (a, b, c) = (groups[0].Digits.Length, groups[1].Digits.Length, groups[2].Digits.Length);
        var dateShape = (a == 4 && b <= 2 && c <= 2) || (a <= 2 && b <= 2 && c is 2 or 4);
        return separator != '\0' && groups[2].Separator == separator && dateShape
            && (groups.Count == 3 || groups[3].Separator != separator);
    }

    private readonly record struct PhoneGroup(string Digits, bool Paren, char Separator);

    private static List<PhoneGroup> PhoneGroups(string candidate)
    {
        var groups = new List<PhoneGroup>();
        var separator = '\0';
        var i = candidate.StartsWith('+') ? 1 : 0;
        while (i < candidate.Length)
        {
            var c = candidate[i];
            if (c is ' ' or '.' or '-' or '/')
            {
                separator = c == ' ' && separator is '-' or '/' ? separator : c;
                i++;
                continue;
            }

            var paren = c == '(';
            var start = paren ? i + 1 : i;
            var end = paren ? candidate.IndexOf(')', start) : start;
            while (!paren && end < candidate.Length && char.IsAsciiDigit(candidate[end]))
            {
                end++;
            }

            if (end <= start)
            {
                return [];
            }

            groups.Add(new PhoneGroup(candidate[start..end], paren, separator));
            separator = '\0';
            i = paren ? end + 1 : end;
        }

        return groups;
    }

    [GeneratedRegex(@"\b(?:my\s+number|(?:reach|contact)\s+(?:me|us)|phone|tel|telephone|cell|mobile|call|fax|whatsapp|sms|text|ring|dial|handy|telefon|mobil|portable|t[ée]l[ée]phone)\b\.?(?:\W{1,3}\w{1,8}){0,2}\W{1,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PhoneContextPattern();

    // Digit groups joined by one space, dot, dash or slash (or " / ", " - "), optionally a leading + and groups in parentheses; IsPhone decides.
    [GeneratedRegex(@"(?<![\w+\-.,/#$€£@=]|\d[ .\-/])\+?(?:\(\+?\d{1,5}\)|\d{1,15})(?:[ .\-/]?\(\d{1,5}\)|(?: [/-] |[ .\-/]|(?<=\)))\d{1,15}){0,8}(?!\w|[ .\-/,]\d)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PhonePattern();
}
