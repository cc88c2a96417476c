namespace Sessions.Processor.Enrichment;

/// <summary>A required source failed: the message is retried, then lands in the error queue.</summary>
public sealed class RequiredSourceFailedException(IEnumerable<SourceResult> failures)
    : Exception("required enrichment failed: " + string.Join("; ", failures.Select(f => $"{f.Name}: {f.Error}")));
