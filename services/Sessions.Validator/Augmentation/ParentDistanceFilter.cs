using System.Numerics.Tensors;

namespace Sessions.Validator.Augmentation;

/// <summary>
/// Drops copies that drifted too far from their parent: a copy is kept when the cosine similarity of its embedding
/// to the parent's is at least <see cref="AugmentationOptions.MinParentCosine"/>. Embed the user turn of the parent
/// and of each copy with the same generator; a zero vector counts as unrelated (cosine 0).
/// </summary>
public sealed class ParentDistanceFilter(double minParentCosine)
{
    public ParentDistanceFilter(AugmentationOptions options)
        : this(options.MinParentCosine)
    {
    }

    public double MinParentCosine { get; } = minParentCosine;

    public static double Cosine(ReadOnlySpan<float> parent, ReadOnlySpan<float> copy)
    {
        if (parent.Length != copy.Length)
        {
            throw new ArgumentException($"embedding dimensions differ: parent {parent.Length}, copy {copy.Length}", nameof(copy));
        }

        if (parent.IsEmpty || TensorPrimitives.Norm(parent) == 0 || TensorPrimitives.Norm(copy) == 0)
        {
            return 0;
        }

        return TensorPrimitives.CosineSimilarity(parent, copy);
    }

    public bool Keeps(ReadOnlySpan<float> parentEmbedding, ReadOnlySpan<float> copyEmbedding) =>
        Cosine(parentEmbedding, copyEmbedding) >= MinParentCosine;

    /// <summary>The copies close enough to the parent, in their order; <paramref name="copyEmbeddings"/> pairs with <paramref name="copies"/>.</summary>
    public IReadOnlyList<AugmentedCopy> Filter(float[] parentEmbedding, IReadOnlyList<AugmentedCopy> copies, IReadOnlyList<float[]> copyEmbeddings)
    {
        if (copies.Count != copyEmbeddings.Count)
        {
            throw new ArgumentException($"{copies.Count} copies but {copyEmbeddings.Count} embeddings", nameof(copyEmbeddings));
        }

        return copies.Where((_, i) => Keeps(parentEmbedding, copyEmbeddings[i])).ToList();
    }
}
