namespace Sessions.Text.Redaction;

// PLACEHOLDER until the real redactor lands (being written in parallel): returns the text unchanged.
public sealed class PiiRedactor(RedactionOptions options)
{
    public RedactionResult Redact(string text) => new(text, new Dictionary<PiiType, int>());

    public bool Enabled => options.Enabled;
}
