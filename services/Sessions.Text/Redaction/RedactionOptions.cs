namespace Sessions.Text.Redaction;

/// <summary>PII redaction, on by default, each type switchable (bound from <c>Redaction</c>, see <see cref="RedactionConfiguration"/>).</summary>
public class RedactionOptions
{
    public bool Enabled { get; set; } = true;
    public bool Email { get; set; } = true;
    public bool Phone { get; set; } = true;
    public bool CreditCard { get; set; } = true;
    public bool IpAddress { get; set; } = true;
    public bool Iban { get; set; } = true;
}
