namespace Sessions.Validator.Deduplication;

/// <summary>
/// MinHash over shingle hashes with seeded universal hashing h(x) = (a·x + b) mod (2^61 − 1), one (a, b) per
/// permutation. The coefficients come from SplitMix64 seeded with <see cref="DeduplicationOptions.Seed"/>, so the
/// same seed gives the same signatures in every process and in any language that reimplements this.
/// </summary>
public sealed class MinHasher
{
    private const ulong MersennePrime = (1UL << 61) - 1;

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

        var minima = new ulong[_a.Length];
        Array.Fill(minima, ulong.MaxValue);
        foreach (var shingle in shingles.Hashes)
        {
            var x = Reduce(shingle);
            for (var i = 0; i < minima.Length; i++)
            {
                var h = Reduce(MultiplyModPrime(_a[i], x) + _b[i]);
                if (h < minima[i])
                {
                    minima[i] = h;
                }
            }
        }

        var values = new uint[minima.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (uint)minima[i];
        }

        return new MinHashSignature(values);
    }

    // a, x < 2^61, so a·x < 2^122 and splits into low 61 bits plus the rest; 2^61 ≡ 1 (mod 2^61 − 1).
    private static ulong MultiplyModPrime(ulong a, ulong x)
    {
        var high = Math.BigMul(a, x, out var low);
        return Reduce((low & MersennePrime) + ((low >> 61) | (high << 3)));
    }

    // Valid for any x < 2^64: folds once, then subtracts the prime at most once.
    private static ulong Reduce(ulong x)
    {
        var folded = (x & MersennePrime) + (x >> 61);
        return folded >= MersennePrime ? folded - MersennePrime : folded;
    }

    private static ulong NextSplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return StableHash.Mix(state);
    }
}
