namespace Sessions.Processor.Embeddings;

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

    public static byte[] ToBytes(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    public static float[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = BitConverter.ToSingle(bytes[(i * sizeof(float))..]);
        }

        return vector;
    }
}
