namespace Sessions.Deduplication;

/// <summary>
/// 64-bit hashes that are the same in every process and on every machine (string.GetHashCode is randomized per
/// process), because shingle hashes end up in persisted signatures and band keys.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>FNV-1a over UTF-16 code units, finished with <see cref="Mix"/> so that every bit depends on every input.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = FnvOffset;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * FnvPrime;
            hash = (hash ^ (byte)(c >> 8)) * FnvPrime;
        }

        return Mix(hash);
    }

    /// <summary>Order-dependent combination: Combine(Combine(s, a), b) differs from Combine(Combine(s, b), a).</summary>
    public static ulong Combine(ulong state, ulong value) => Mix(state ^ (value * 0x9E3779B97F4A7C15UL) ^ 0x632BE59BD9B4E019UL);

    /// <summary>The SplitMix64 finalizer: a bijection with good avalanche.</summary>
    public static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
