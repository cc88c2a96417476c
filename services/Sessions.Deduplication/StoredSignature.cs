namespace Sessions.Deduplication;

/// <summary>An accepted example's persisted signature, as a candidate store returns it.</summary>
public sealed record StoredSignature(long ExampleId, MinHashSignature Signature);
