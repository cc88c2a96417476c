namespace Sessions.Text.Redaction;

public static class PiiPlaceholders
{
    public static string For(PiiType type) => type switch
    {
        PiiType.Email => "<EMAIL>",
        PiiType.Phone => "<PHONE>",
        PiiType.CreditCard => "<CREDIT_CARD>",
        PiiType.IpAddress => "<IP_ADDRESS>",
        PiiType.Iban => "<IBAN>",
        _ => "<PII>",
    };
}
