using Sessions.Text.Redaction;

namespace Sessions.UnitTests.Redaction;

/// <summary>
/// A labeled set of chat-like strings written for the project: every value below is put into several sentence
/// templates, and each string carries the PII it really contains (type and count). Hard negatives look like
/// PII (versions, prices, dates, order numbers, Luhn- or mod-97-failing numbers) and must stay.
/// </summary>
public static class PiiLabeledSet
{
    private static readonly string[] Templates =
    [
        "My contact is {0}, please use it for the invoice.",
        "Can you double-check {0} before you send anything?",
        "I already tried {0} yesterday and it did not work",
        "support said to mention {0} in the ticket",
        "Here you go: {0}",
        "{0} is what the form shows, is that right?",
    ];

    private static readonly (string Value, PiiType? Type)[] Values =
    [
        ("jane.doe@example.com", PiiType.Email),
        ("j.smith+billing@mail.co.uk", PiiType.Email),
        ("ops-team@sub.domain.io", PiiType.Email),
        ("MARIA.GARCIA@EXAMPLE.ES", PiiType.Email),
        ("x_y@example.org", PiiType.Email),
        ("+1 415 555 0134", PiiType.Phone),
        ("(415) 555-0134", PiiType.Phone),
        ("415-555-0134", PiiType.Phone),
        ("+44 20 7946 0958", PiiType.Phone),
        ("020 7946 0958", PiiType.Phone),
        ("+49 30 901820", PiiType.Phone),
        ("+33 1 42 68 53 00", PiiType.Phone),
        ("555-0134", PiiType.Phone),
        ("+1-202-555-0199", PiiType.Phone),
        ("0176 1234 5678", PiiType.Phone),
        ("4111 1111 1111 1111", PiiType.CreditCard),
        ("5500-0000-0000-0004", PiiType.CreditCard),
        ("378282246310005", PiiType.CreditCard),
        ("6011111111111117", PiiType.CreditCard),
        ("5555 5555 5555 4444", PiiType.CreditCard),
        ("192.168.1.20", PiiType.IpAddress),
        ("10.0.0.1", PiiType.IpAddress),
        ("8.8.8.8", PiiType.IpAddress),
        ("2001:db8::1", PiiType.IpAddress),
        ("fe80::1ff:fe23:4567:890a", PiiType.IpAddress),
        ("2001:0db8:85a3:0000:0000:8a2e:0370:7334", PiiType.IpAddress),
        ("DE89 3704 0044 0532 0130 00", PiiType.Iban),
        ("GB82WEST12345698765432", PiiType.Iban),
        ("FR1420041010050500013M02606", PiiType.Iban),
        ("NL91ABNA0417164300", PiiType.Iban),
        ("ES9121000418450200051332", PiiType.Iban),
        ("version 1.2.3", null),
        ("$1,299.00", null),
        ("2026-11-22", null),
        ("10:30:00", null),
        ("order #12345678", null),
        ("ISBN 978-3-16-148410-0", null),
        ("@jane_doe", null),
        ("4111 1111 1111 1112", null),
        ("DE89 3704 0044 0532 0130 01", null),
        ("999.1.1.1", null),
        ("room 404", null),
        ("tracking 1Z999AA10123456784", null),
        ("the year 1999", null),
        ("12/11/2026", null),
        ("3.14159", null),
        ("v10.0.401", null),
        ("PO Box 1234", null),
        ("a score of 98-87", null),
        ("build 20261122.3", null),
        ("1.299.000 units", null),
        ("jane at example dot com", null),
    ];

    /// <summary>Extra strings with several values at once.</summary>
    private static readonly (string Text, PiiType[] Expected)[] Mixed =
    [
        ("mail jane.doe@example.com or call +1 415 555 0134", [PiiType.Email, PiiType.Phone]),
        ("card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00", [PiiType.CreditCard, PiiType.Iban]),
        ("server 10.0.0.1 and 2001:db8::1 both refuse me", [PiiType.IpAddress, PiiType.IpAddress]),
        ("ticket 2026-11-22 from ops-team@sub.domain.io at 10:30", [PiiType.Email]),
        ("version 1.2.3 on 192.168.1.20", [PiiType.IpAddress]),
        ("call 415-555-0134 or 555-0134", [PiiType.Phone, PiiType.Phone]),
        ("no personal data here, just a question about pricing", []),
        ("I paid $49.99 on 12/11/2026 for order #12345678", []),
    ];

    public static IEnumerable<(string Text, IReadOnlyDictionary<PiiType, int> Expected)> All()
    {
        for (var v = 0; v < Values.Length; v++)
        {
            var (value, type) = Values[v];
            // Each value in four of the six templates, rotating, so that every template meets every kind.
            for (var k = 0; k < 4; k++)
            {
                var text = string.Format(Templates[(v + k) % Templates.Length], value);
                yield return (text, type is { } t ? new Dictionary<PiiType, int> { [t] = 1 } : new Dictionary<PiiType, int>());
            }
        }

        foreach (var (text, expected) in Mixed)
        {
            yield return (text, expected.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count()));
        }
    }
}
