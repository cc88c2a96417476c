namespace Sessions.Deduplication;

/// <summary>
/// Near-duplicate detection against everything already accepted for a model (one store per model): band-key
/// collisions give the candidates, the signature estimate of Jaccard similarity decides. A check costs one
/// fingerprint (linear in the text), <c>Bands</c> store lookups and a comparison per candidate, whatever the corpus size.
/// </summary>
public sealed class NearDuplicateIndex
{
    private readonly DeduplicationOptions _options;
    private readonly INearDuplicateCandidateStore _store;
    private readonly MinHasher _hasher;
    private readonly LshBands _bands;

    public NearDuplicateIndex(DeduplicationOptions options, INearDuplicateCandidateStore store)
    {
        options.Validate();
        _options = options;
        _store = store;
        _hasher = new MinHasher(options.Permutations, options.Seed);
        _bands = new LshBands(options.Bands, options.Rows);
    }

    public TextFingerprint Fingerprint(string text)
    {
        var shingles = ShingleSet.FromText(text, _options.ShingleSize);
        if (shingles.IsEmpty)
        {
            return new TextFingerprint(0, null, []);
        }

        var signature = _hasher.Compute(shingles);
        return new TextFingerprint(shingles.Count, signature, _bands.Keys(signature));
    }

    public NearDuplicateMatch? Check(string text) => Check(Fingerprint(text));

    public NearDuplicateMatch? Check(TextFingerprint fingerprint) =>
        fingerprint.IsEmpty ? null : BestMatch(fingerprint, _store.FindByBandKeys(fingerprint.BandKeys));

    /// <summary>
    /// The decision on candidates fetched elsewhere (say, by an asynchronous database query on the band keys): the
    /// highest estimate at or above the threshold, the lowest example id among equals.
    /// </summary>
    public NearDuplicateMatch? BestMatch(TextFingerprint fingerprint, IEnumerable<StoredSignature> candidates)
    {
        if (fingerprint.Signature is not { } signature)
        {
            return null;
        }

        NearDuplicateMatch? best = null;
        foreach (var candidate in candidates)
        {
            var estimate = signature.EstimateJaccard(candidate.Signature);
            if (estimate >= _options.Threshold && (best is null || estimate > best.EstimatedJaccard ||
                (estimate == best.EstimatedJaccard && candidate.ExampleId < best.ExampleId)))
            {
                best = new NearDuplicateMatch(candidate.ExampleId, estimate);
            }
        }

        return best;
    }

    /// <summary>Stores an accepted example (texts without words are not stored) and returns its fingerprint to persist.</summary>
    public TextFingerprint Add(long exampleId, string text)
    {
        var fingerprint = Fingerprint(text);
        Add(exampleId, fingerprint);
        return fingerprint;
    }

    public void Add(long exampleId, TextFingerprint fingerprint)
    {
        if (fingerprint.Signature is { } signature)
        {
            _store.Add(exampleId, signature, fingerprint.BandKeys);
        }
    }
}
