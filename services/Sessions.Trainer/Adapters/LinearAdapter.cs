using System.Numerics.Tensors;
using System.Text;

namespace Sessions.Trainer.Adapters;

/// <summary>A d×d matrix W (row-major) applied as normalize(W·x); it starts as the identity, i.e. as the base embeddings.</summary>
public sealed class LinearAdapter
{
    public const int FormatVersion = 1;
    public const int MaxDimension = 8192;
    private static readonly byte[] Magic = "LADP"u8.ToArray();

    private readonly float[] _weights;

    private LinearAdapter(int dimension, float[] weights)
    {
        Dimension = dimension;
        _weights = weights;
    }

    public int Dimension { get; }

    public ReadOnlySpan<float> Weights => _weights;

    internal float[] MutableWeights => _weights;

    public static LinearAdapter Identity(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, MaxDimension);
        var weights = new float[dimension * dimension];
        for (var i = 0; i < dimension; i++)
        {
            weights[(i * dimension) + i] = 1f;
        }

        return new LinearAdapter(dimension, weights);
    }

    /// <summary>An adapter from d² row-major weights, e.g. ones trained elsewhere.</summary>
    public static LinearAdapter FromWeights(ReadOnlySpan<float> weights)
    {
        var dimension = (int)Math.Sqrt(weights.Length);
        if (dimension is < 1 or > MaxDimension || dimension * dimension != weights.Length || !TensorPrimitives.IsFiniteAll(weights))
        {
            throw new ArgumentException($"Weights must be d² finite floats with d in 1..{MaxDimension}; got {weights.Length} values.", nameof(weights));
        }

        return new LinearAdapter(dimension, weights.ToArray());
    }

    public float[] Apply(ReadOnlySpan<float> x)
    {
        if (x.Length != Dimension)
        {
            throw new ArgumentException($"Expected a vector of dimension {Dimension}, got {x.Length}.", nameof(x));
        }

        var y = new float[Dimension];
        Multiply(x, y);
        Normalize(y);
        return y;
    }

    internal void Multiply(ReadOnlySpan<float> x, Span<float> y)
    {
        for (var r = 0; r < Dimension; r++)
        {
            y[r] = TensorPrimitives.Dot(_weights.AsSpan(r * Dimension, Dimension), x);
        }
    }

    /// <summary>Scales to unit length in place and returns the original length; a zero vector stays zero.</summary>
    internal static float Normalize(Span<float> y)
    {
        var norm = TensorPrimitives.Norm(y);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(y, norm, y);
        }

        return norm;
    }

    /// <summary>Writes "LADP", the format version, the dimension and then d² little-endian floats.</summary>
    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Dimension);
        foreach (var w in _weights)
        {
            writer.Write(w);
        }
    }

    public static LinearAdapter Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("Not a linear adapter: the header does not start with LADP.");
            }

            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"Unsupported linear adapter format version {version}; expected {FormatVersion}.");
            }

            var dimension = reader.ReadInt32();
            if (dimension is < 1 or > MaxDimension)
            {
                throw new InvalidDataException($"Linear adapter dimension {dimension} is outside 1..{MaxDimension}.");
            }

            var weights = new float[dimension * dimension];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = reader.ReadSingle();
            }

            if (!TensorPrimitives.IsFiniteAll<float>(weights))
            {
                throw new InvalidDataException("Linear adapter weights contain NaN or infinity.");
            }

            return new LinearAdapter(dimension, weights);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("Linear adapter stream ended before all weights were read.", ex);
        }
    }
}
