namespace Sessions.Text.Redaction;

public class RedactionOptions
{
    public bool Enabled { get; set; } = true;
}
