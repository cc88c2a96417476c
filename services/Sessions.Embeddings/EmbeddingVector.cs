namespace Sessions.Embeddings;

/// <summary>Checks and packs vectors: finite, non-zero, the expected dimension; stored as little-endian float32.</summary>
public static class EmbeddingVector
{
    public static string? Problem(ReadOnlySpan<float> vector, int expectedDimensions)
    {
        if (vector.Length != expectedDimensions)
        {
            return $"dimension {vector.Length}, expected {expectedDimensions}";
        }

        var sumOfSquares = 0.0;
        foreach (var x in vector)
        {
            if (!float.IsFinite(x))
            {
                return "contains NaN or infinity";
            }

            sumOfSquares += x * x;
        }

        return sumOfSquares > 0 ? null : "zero vector";
    }
}
