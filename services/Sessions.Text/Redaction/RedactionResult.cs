namespace Sessions.Text.Redaction;

public sealed record RedactionResult(string Text, IReadOnlyDictionary<PiiType, int> Counts)
{
    public int Total => Counts.Values.Sum();
}
