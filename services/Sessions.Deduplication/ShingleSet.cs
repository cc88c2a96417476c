using Sessions.Text;

namespace Sessions.Deduplication;

/// <summary>
/// The distinct word shingles (k consecutive words) of a text, as sorted stable 64-bit hashes. A text with at least
/// one but fewer than k words is one shingle of all its words, so it can only match a text with the same words.
/// A text without words (empty, only punctuation, symbols or emoji) has no shingles and is never a near-duplicate;
/// the exact content hash still catches its copies.
/// </summary>
public sealed class ShingleSet
{
    private readonly ulong[] _hashes;

    private ShingleSet(ulong[] hashes, int wordCount)
    {
        _hashes = hashes;
        WordCount = wordCount;
    }

    public int WordCount { get; }

    public int Count => _hashes.Length;

    public bool IsEmpty => _hashes.Length == 0;

    public ReadOnlySpan<ulong> Hashes => _hashes;

    public static ShingleSet FromText(string text, int shingleSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        var words = WordSplitter.Words(text, apostrophesJoin: false).ConvertAll(word => StableHash.Of(word));
        if (words.Count == 0)
        {
            return new ShingleSet([], 0);
        }

        var length = Math.Min(shingleSize, words.Count);
        var hashes = new ulong[words.Count - length + 1];
        for (var start = 0; start < hashes.Length; start++)
        {
            // Seeding with the length keeps a short text's single shingle apart from any k-word shingle.
            var hash = StableHash.Mix((ulong)length);
            for (var i = start; i < start + length; i++)
            {
                hash = StableHash.Combine(hash, words[i]);
            }

            hashes[start] = hash;
        }

        // Sorted, then repeats dropped in place: the same distinct sorted hashes a set would give, without the set.
        Array.Sort(hashes);
        var distinct = 1; // words.Count >= length, so there is at least one shingle
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] != hashes[distinct - 1])
            {
                hashes[distinct++] = hashes[i];
            }
        }

        return new ShingleSet(distinct == hashes.Length ? hashes : hashes[..distinct], words.Count);
    }

    /// <summary>Exact Jaccard similarity |A ∩ B| / |A ∪ B|; 0 when either set is empty (no words, nothing to compare).</summary>
    public double Jaccard(ShingleSet other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return 0;
        }

        int i = 0, j = 0, common = 0;
        while (i < _hashes.Length && j < other._hashes.Length)
        {
            var compare = _hashes[i].CompareTo(other._hashes[j]);
            if (compare == 0)
            {
                common++;
            }

            if (compare <= 0)
            {
                i++;
            }

            if (compare >= 0)
            {
                j++;
            }
        }

        return (double)common / (_hashes.Length + other._hashes.Length - common);
    }
}
