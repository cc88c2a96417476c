namespace Sessions.Deduplication;

/// <summary>
/// Locality-sensitive hashing by banding: the first bands·rows signature values, cut into bands of consecutive rows,
/// each band hashed to one 64-bit key with its band index mixed in. Two texts share a key in some band with
/// probability 1 − (1 − s^rows)^bands at Jaccard similarity s. The keys are what gets persisted and indexed
/// ((model, band index, band key) → example), so finding candidates is <c>bands</c> equality lookups at any corpus size.
/// </summary>
public sealed class LshBands
{
    public LshBands(int bands, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        Bands = bands;
        Rows = rows;
    }

    public int Bands { get; }

    public int Rows { get; }

    /// <summary>The similarity at which a pair becomes a candidate with probability about one half: (1/b)^(1/r).</summary>
    public double ThresholdEstimate => Math.Pow(1.0 / Bands, 1.0 / Rows);

    public double CandidateProbability(double jaccard) => 1 - Math.Pow(1 - Math.Pow(jaccard, Rows), Bands);

    /// <summary>One key per band; keys[i] belongs to band i.</summary>
    public ulong[] Keys(MinHashSignature signature)
    {
        if (signature.Length < Bands * Rows)
        {
            throw new ArgumentException($"{Bands} bands of {Rows} rows need {Bands * Rows} values, the signature has {signature.Length}.");
        }

        var values = signature.Values;
        var keys = new ulong[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var key = StableHash.Mix(0xB5AD4ECEDA1CE2A9UL + (ulong)band);
            for (var row = band * Rows; row < (band + 1) * Rows; row++)
            {
                key = StableHash.Combine(key, values[row]);
            }

            keys[band] = key;
        }

        return keys;
    }
}
