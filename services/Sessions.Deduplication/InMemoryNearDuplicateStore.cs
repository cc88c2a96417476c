namespace Sessions.Deduplication;

/// <summary>
/// A candidate store in memory, for tests and benchmarks: band key → chain of entries in flat lists, so that a
/// million examples (16 million band entries) fit without one list object per key.
/// </summary>
public sealed class InMemoryNearDuplicateStore(int expectedExamples = 0, int bands = 16) : INearDuplicateCandidateStore
{
    private readonly Dictionary<long, int> _slotByExample = new(expectedExamples);
    private readonly List<StoredSignature> _examples = new(expectedExamples);
    private readonly Dictionary<(int Band, ulong Key), int> _lastEntryByBandKey = new(expectedExamples * bands);
    private readonly List<int> _entrySlot = new(expectedExamples * bands);
    private readonly List<int> _previousEntry = new(expectedExamples * bands);

    public int Count => _examples.Count;

    public IReadOnlyList<StoredSignature> FindByBandKeys(IReadOnlyList<ulong> bandKeys)
    {
        var found = new List<StoredSignature>();
        var seen = new HashSet<int>();
        for (var band = 0; band < bandKeys.Count; band++)
        {
            if (!_lastEntryByBandKey.TryGetValue((band, bandKeys[band]), out var entry))
            {
                continue;
            }

            for (; entry >= 0; entry = _previousEntry[entry])
            {
                if (seen.Add(_entrySlot[entry]))
                {
                    found.Add(_examples[_entrySlot[entry]]);
                }
            }
        }

        return found;
    }

    public void Add(long exampleId, MinHashSignature signature, IReadOnlyList<ulong> bandKeys)
    {
        if (!_slotByExample.TryAdd(exampleId, _examples.Count))
        {
            return;
        }

        var slot = _examples.Count;
        _examples.Add(new StoredSignature(exampleId, signature));
        for (var band = 0; band < bandKeys.Count; band++)
        {
            var previous = _lastEntryByBandKey.TryGetValue((band, bandKeys[band]), out var last) ? last : -1;
            _entrySlot.Add(slot);
            _previousEntry.Add(previous);
            _lastEntryByBandKey[(band, bandKeys[band])] = _entrySlot.Count - 1;
        }
    }
}
