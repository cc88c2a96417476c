using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sessions.Deduplication;

/// <summary>
/// The inner loop of MinHash: for every permutation i, the minimum over the inputs x of (a[i]·x + b[i]) mod (2^61 − 1),
/// with every a, b and x already below 2^61 − 1. The result of a modular product is the unique value in [0, 2^61 − 1),
/// so any exact way of computing it gives the same bits: <see cref="Vectorized"/> (AVX2, four permutations at a time
/// from 32-bit limbs) and <see cref="Scalar"/> (one 64×64→128-bit product each) agree on every input.
/// </summary>
public static class MersenneMinima
{
    public const ulong Prime = (1UL << 61) - 1;

    public static bool IsVectorized => Avx2.IsSupported;

    /// <summary><paramref name="minima"/>[i] = min over <paramref name="xs"/> (at least one) of (a[i]·x + b[i]) mod p; the fastest path this machine has.</summary>
    public static void Compute(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> xs, Span<ulong> minima)
    {
        if (IsVectorized)
        {
            Vectorized(a, b, xs, minima);
        }
        else
        {
            Scalar(a, b, xs, minima);
        }
    }

    public static void Scalar(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> xs, Span<ulong> minima) =>
        ScalarFrom(0, a, b, xs, minima);

    // Optimized from the first call: unoptimized code does not inline Hash and runs many times slower, and an import's
    // first thousands of rows went through it while the runtime was busy compiling everything else.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Vectorized(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> xs, Span<ulong> minima)
    {
        if (!Avx2.IsSupported)
        {
            throw new PlatformNotSupportedException("The vectorized MinHash needs AVX2.");
        }

        CheckLengths(a, b, xs, minima);
        var vectorized = a.Length - a.Length % Vector256<ulong>.Count;
        ref var aRef = ref MemoryMarshal.GetReference(a);
        ref var bRef = ref MemoryMarshal.GetReference(b);
        ref var minRef = ref MemoryMarshal.GetReference(minima);
        var prime = Vector256.Create(Prime);
        var low29 = Vector256.Create((1UL << 29) - 1);
        // Two groups of four permutations per pass over the inputs: their minima and coefficients stay in registers.
        var i = 0;
        for (; i + 2 * Vector256<ulong>.Count <= vectorized; i += 2 * Vector256<ulong>.Count)
        {
            var a0 = Vector256.LoadUnsafe(ref aRef, (nuint)i);
            var a1 = Vector256.LoadUnsafe(ref aRef, (nuint)(i + 4));
            var a0High = Vector256.ShiftRightLogical(a0, 32);
            var a1High = Vector256.ShiftRightLogical(a1, 32);
            var b0 = Vector256.LoadUnsafe(ref bRef, (nuint)i);
            var b1 = Vector256.LoadUnsafe(ref bRef, (nuint)(i + 4));
            var min0 = prime;
            var min1 = prime;
            foreach (var x in xs)
            {
                var xLow = Vector256.Create(x);
                var xHigh = Vector256.Create(x >> 32);
                min0 = Min(min0, Hash(a0, a0High, b0, xLow, xHigh, prime, low29));
                min1 = Min(min1, Hash(a1, a1High, b1, xLow, xHigh, prime, low29));
            }

            min0.StoreUnsafe(ref minRef, (nuint)i);
            min1.StoreUnsafe(ref minRef, (nuint)(i + 4));
        }

        for (; i < vectorized; i += Vector256<ulong>.Count)
        {
            var a0 = Vector256.LoadUnsafe(ref aRef, (nuint)i);
            var a0High = Vector256.ShiftRightLogical(a0, 32);
            var b0 = Vector256.LoadUnsafe(ref bRef, (nuint)i);
            var min0 = prime;
            foreach (var x in xs)
            {
                min0 = Min(min0, Hash(a0, a0High, b0, Vector256.Create(x), Vector256.Create(x >> 32), prime, low29));
            }

            min0.StoreUnsafe(ref minRef, (nuint)i);
        }

        ScalarFrom(vectorized, a, b, xs, minima);
    }

    /// <summary>
    /// (a·x + b) mod p per lane from 32-bit limbs (AVX2 multiplies the low 32 bits of each 64-bit lane):
    /// a·x = hh·2^64 + mid·2^32 + ll, and with 2^61 ≡ 1: 2^64 ≡ 8, mid·2^32 ≡ (mid &gt;&gt; 29) + (mid mod 2^29)·2^32,
    /// ll ≡ (ll &gt;&gt; 61) + (ll mod 2^61). The sum stays below 2^63, so signed compares work throughout.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Hash(Vector256<ulong> a, Vector256<ulong> aHigh, Vector256<ulong> b, Vector256<ulong> xLow, Vector256<ulong> xHigh,
        Vector256<ulong> prime, Vector256<ulong> low29)
    {
        var ll = Avx2.Multiply(a.AsUInt32(), xLow.AsUInt32());
        var hh = Avx2.Multiply(aHigh.AsUInt32(), xHigh.AsUInt32()); // < 2^58
        var mid = Avx2.Multiply(aHigh.AsUInt32(), xLow.AsUInt32()) + Avx2.Multiply(a.AsUInt32(), xHigh.AsUInt32()); // < 2^62
        var sum = Vector256.ShiftLeft(hh, 3) + Vector256.ShiftRightLogical(mid, 29) + Vector256.ShiftLeft(mid & low29, 32)
            + Vector256.ShiftRightLogical(ll, 61) + (ll & prime);
        var product = (sum & prime) + Vector256.ShiftRightLogical(sum, 61); // ≤ p + 3
        var withB = product + b;
        var folded = (withB & prime) + Vector256.ShiftRightLogical(withB, 61); // ≤ p + 1
        return folded - (Avx2.CompareGreaterThan(folded.AsInt64(), (prime - Vector256<ulong>.One).AsInt64()).AsUInt64() & prime);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Min(Vector256<ulong> current, Vector256<ulong> candidate) =>
        Vector256.ConditionalSelect(Avx2.CompareGreaterThan(current.AsInt64(), candidate.AsInt64()).AsUInt64(), candidate, current);

    private static void ScalarFrom(int start, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> xs, Span<ulong> minima)
    {
        CheckLengths(a, b, xs, minima);
        for (var i = start; i < minima.Length; i++)
        {
            var min = ulong.MaxValue;
            foreach (var x in xs)
            {
                var h = Reduce(MultiplyModPrime(a[i], x) + b[i]);
                if (h < min)
                {
                    min = h;
                }
            }

            minima[i] = min;
        }
    }

    private static void CheckLengths(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> xs, Span<ulong> minima)
    {
        if (xs.IsEmpty)
        {
            throw new ArgumentException("The minimum over no inputs is undefined.", nameof(xs));
        }

        if (a.Length != b.Length || a.Length != minima.Length)
        {
            throw new ArgumentException($"One a, one b and one minimum per permutation: {a.Length}, {b.Length}, {minima.Length}.");
        }
    }

    // a, x < 2^61, so a·x < 2^122 and splits into low 61 bits plus the rest; 2^61 ≡ 1 (mod 2^61 − 1).
    private static ulong MultiplyModPrime(ulong a, ulong x)
    {
        var high = Math.BigMul(a, x, out var low);
        return Reduce((low & Prime) + ((low >> 61) | (high << 3)));
    }

    /// <summary>x mod p for any x &lt; 2^64: folds once, then subtracts the prime at most once.</summary>
    public static ulong Reduce(ulong x)
    {
        var folded = (x & Prime) + (x >> 61);
        return folded >= Prime ? folded - Prime : folded;
    }
}
