namespace Sessions.Text.Redaction;

/// <summary>The redacted text and how many values of each type were replaced.</summary>
public sealed record RedactionResult(string Text, IReadOnlyDictionary<PiiType, int> Counts)
{
    public int Total => Counts.Values.Sum();
}
