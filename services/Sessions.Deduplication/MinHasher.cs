namespace Sessions.Deduplication;

/// <summary>
/// MinHash over shingle hashes with seeded universal hashing h(x) = (a·x + b) mod (2^61 − 1), one (a, b) per
/// permutation. The coefficients come from SplitMix64 seeded with <see cref="DeduplicationOptions.Seed"/>, so the
/// same seed gives the same signatures in every process and in any language that reimplements this.
/// </summary>
public sealed class MinHasher
{
    private const ulong MersennePrime = MersenneMinima.Prime;

    private readonly ulong[] _a;
    private readonly ulong[] _b;

    public MinHasher(int permutations, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        _a = new ulong[permutations];
        _b = new ulong[permutations];
        var state = (ulong)seed;
        for (var i = 0; i < permutations; i++)
        {
            _a[i] = NextSplitMix(ref state) % (MersennePrime - 1) + 1;
            _b[i] = NextSplitMix(ref state) % MersennePrime;
        }
    }

    public int Permutations => _a.Length;

    /// <summary>Requires a non-empty set: the signature of nothing would equal every other signature of nothing.</summary>
    public MinHashSignature Compute(ShingleSet shingles)
    {
        if (shingles.IsEmpty)
        {
            throw new ArgumentException("A text without shingles has no MinHash signature.", nameof(shingles));
        }

        // The kernel takes inputs below the prime: each shingle hash reduced once, up front.
        var hashes = shingles.Hashes;
        var reduced = hashes.Length <= 1024 ? stackalloc ulong[hashes.Length] : new ulong[hashes.Length];
        for (var i = 0; i < hashes.Length; i++)
        {
            reduced[i] = MersenneMinima.Reduce(hashes[i]);
        }

        var minima = _a.Length <= 1024 ? stackalloc ulong[_a.Length] : new ulong[_a.Length];
        MersenneMinima.Compute(_a, _b, reduced, minima);
        var values = new uint[minima.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (uint)minima[i];
        }

        return new MinHashSignature(values);
    }

    private static ulong NextSplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return StableHash.Mix(state);
    }
}
