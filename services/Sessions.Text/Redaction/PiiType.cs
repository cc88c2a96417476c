namespace Sessions.Text.Redaction;

public enum PiiType
{
    Email,
    Phone,
    CreditCard,
    IpAddress,
    Iban,
}
