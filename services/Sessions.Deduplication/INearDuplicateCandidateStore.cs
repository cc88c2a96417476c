namespace Sessions.Deduplication;

/// <summary>
/// Where the signatures and band keys of one model's accepted examples live. A database implementation keeps a row
/// per (model, band index, band key, example id) with an index on the first three, and the signature bytes per example.
/// </summary>
public interface INearDuplicateCandidateStore
{
    /// <summary>Every stored example that shares at least one band key, each once. bandKeys[i] is the key of band i.</summary>
    IReadOnlyList<StoredSignature> FindByBandKeys(IReadOnlyList<ulong> bandKeys);

    /// <summary>Stores an example; adding an example id that is already stored changes nothing.</summary>
    void Add(long exampleId, MinHashSignature signature, IReadOnlyList<ulong> bandKeys);
}
