namespace Sessions.Text.Redaction;

/// <summary>The kinds of personal data replaced by a typed placeholder.</summary>
public enum PiiType
{
    Email,
    Phone,
    CreditCard,
    IpAddress,
    Iban,
}
