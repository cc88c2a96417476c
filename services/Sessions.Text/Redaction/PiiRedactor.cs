using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Sessions.Text.Redaction;

/// <summary>
/// Replaces e-mail addresses, IBANs (mod-97 checked), credit-card numbers (Luhn checked), IPv4/IPv6 addresses
/// and phone numbers with typed placeholders such as <c>&lt;EMAIL&gt;</c>, in that order, so that a number already
/// claimed by an IBAN or a card is not read again as a phone. Never throws: a pattern that times out leaves
/// the text as the earlier steps made it.
/// </summary>
public sealed class PiiRedactor(RedactionOptions options)
{
    private const int MinPhoneDigits = 7;
    private const int MaxPhoneDigits = 15;

    public RedactionResult Redact(string text)
    {
        var counts = new Dictionary<PiiType, int>();
        if (!options.Enabled || string.IsNullOrEmpty(text))
        {
            return new RedactionResult(text, counts);
        }

        if (options.Email)
        {
            text = Replace(text, PiiPatterns.Email(), PiiType.Email, _ => true, counts);
        }

        if (options.Iban)
        {
            text = Replace(text, PiiPatterns.Iban(), PiiType.Iban, IsIban, counts);
        }

        if (options.CreditCard)
        {
            text = Replace(text, PiiPatterns.CardNumber(), PiiType.CreditCard, IsCardNumber, counts);
        }

        if (options.IpAddress)
        {
            text = Replace(text, PiiPatterns.IPv4(), PiiType.IpAddress, _ => true, counts);
            text = Replace(text, PiiPatterns.IPv6(), PiiType.IpAddress, IsIPv6, counts);
        }

        if (options.Phone)
        {
            text = Replace(text, PiiPatterns.Phone(), PiiType.Phone, IsPhone, counts);
        }

        return new RedactionResult(text, counts);
    }

    private static string Replace(string text, Regex pattern, PiiType type, Func<string, bool> accept, Dictionary<PiiType, int> counts)
    {
        try
        {
            return pattern.Replace(text, match =>
            {
                if (!accept(match.Value))
                {
                    return match.Value;
                }

                counts[type] = counts.GetValueOrDefault(type) + 1;
                return PiiPlaceholders.For(type);
            });
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters to numbers (A=10), remainder mod 97 is 1.</summary>
    public static bool IsIban(string candidate)
    {
        var compact = candidate.Replace(" ", "");
        if (compact.Length is < 15 or > 34)
        {
            return false;
        }

        var rearranged = compact[4..] + compact[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiLetter(c) ? (c - 'A' + 10).ToString() : c.ToString()));
        return BigInteger.Parse(digits) % 97 == 1;
    }

    /// <summary>13 to 19 digits passing the Luhn check.</summary>
    public static bool IsCardNumber(string candidate)
    {
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    private static bool IsIPv6(string candidate) =>
        candidate.Count(c => c == ':') >= 2 && candidate.Any(char.IsAsciiHexDigit)
        && IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>
    /// 7 to 15 digits shaped like a phone number: an international prefix, an area code in parentheses, at least
    /// ten digits, or the local 555-0134 form. Dates, versions and amounts have none of these.
    /// </summary>
    private static bool IsPhone(string candidate)
    {
        var digits = candidate.Count(char.IsAsciiDigit);
        if (digits is < MinPhoneDigits or > MaxPhoneDigits || PiiPatterns.Date().IsMatch(candidate))
        {
            return false;
        }

        if (candidate.StartsWith('+') || candidate.Contains('('))
        {
            return true;
        }

        var groups = candidate.Split([' ', '.', '-']);
        var sameSeparator = candidate.Where(c => c is ' ' or '.' or '-').Distinct().Count() == 1;
        return (digits >= 10 && sameSeparator && groups[0].Length is >= 2 and <= 5)
            || (groups.Length == 2 && groups[0].Length == 3 && groups[1].Length == 4);
    }
}
