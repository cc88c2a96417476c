namespace Sessions.Deduplication;

/// <summary>A text's shingle count, MinHash signature and LSH band keys: what gets persisted for an accepted example.</summary>
public sealed record TextFingerprint(int ShingleCount, MinHashSignature? Signature, IReadOnlyList<ulong> BandKeys)
{
    /// <summary>No words, so no signature and no band keys: never stored, never a near-duplicate.</summary>
    public bool IsEmpty => Signature is null;
}
