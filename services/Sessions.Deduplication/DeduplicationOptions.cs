namespace Sessions.Deduplication;

/// <summary>
/// Near-duplicate detection defaults, bound from the <c>Validator:Deduplication</c> section. Changing any of them
/// except <see cref="Threshold"/> changes every signature and band key: persisted ones must then be recomputed
/// (compare <see cref="Scheme"/>, stored next to them).
/// </summary>
public class DeduplicationOptions
{
    public const string SectionName = "Validator:Deduplication";

    /// <summary>Words per shingle.</summary>
    public int ShingleSize { get; set; } = 3;

    /// <summary>MinHash permutations, that is values per signature (4 bytes each when persisted).</summary>
    public int Permutations { get; set; } = 128;

    /// <summary>
    /// LSH bands of <see cref="Rows"/> rows. 16 x 8 puts the S-curve's midpoint (1/16)^(1/8) ≈ 0.71 a little below
    /// the threshold on purpose: a pair at Jaccard 0.8 becomes a candidate with probability 0.95, at 0.85 with 0.99,
    /// and the signature estimate then decides. 11 x 11 (midpoint 0.80) would miss a third of the pairs at 0.8.
    /// </summary>
    public int Bands { get; set; } = 16;

    public int Rows { get; set; } = 8;

    /// <summary>Estimated Jaccard similarity of the word-shingle sets at or above which a text is a near-duplicate.</summary>
    public double Threshold { get; set; } = 0.8;

    public int Seed { get; set; } = 42;

    /// <summary>Names everything that shapes signatures and band keys; persist it with them to detect stale ones.</summary>
    public string Scheme => $"minhash-v1:k{ShingleSize}:p{Permutations}:b{Bands}x{Rows}:s{Seed}";

    public void Validate()
    {
        if (ShingleSize < 1)
        {
            throw new ArgumentException($"ShingleSize must be at least 1, was {ShingleSize}.");
        }

        if (Permutations < 1 || Bands < 1 || Rows < 1 || Bands * Rows > Permutations)
        {
            throw new ArgumentException($"Bands x Rows ({Bands} x {Rows}) must fit in Permutations ({Permutations}), all positive.");
        }

        if (Threshold is <= 0 or > 1 || double.IsNaN(Threshold))
        {
            throw new ArgumentException($"Threshold must be in (0, 1], was {Threshold}.");
        }
    }
}
