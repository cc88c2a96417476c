using System.Numerics.Tensors;

namespace Sessions.Datasets.Cleaning;

/// <summary>
/// Checks and normalizes the precomputed embeddings of one import, row by row: dimension (the expected one, or within
/// [Min, Max] and equal to the first embedding of the import), NaN/Inf per strategy, zero norm, then L2 normalization.
/// <c>fill_mean</c> uses a running mean per dimension over the finite raw values of the rows cleaned so far in this
/// import (0 before any value was seen), so it needs no second pass and the result depends on row order — with the
/// shuffle, cleaning runs before it, in file order. Create one cleaner per import.
/// </summary>
public sealed class EmbeddingCleaner(EmbeddingCleaningOptions options)
{
    private readonly string strategy = Validated(options.NonFiniteStrategy);
    private int? dimension = options.ExpectedDimension;
    private double[]? sums;
    private long[]? counts;

    /// <summary>The row with a cleaned, unit-length embedding (a new array), the row unchanged if it has none, or a rejection.</summary>
    public RowResult Clean(ContributedRow row)
    {
        if (row.Embedding is not { } raw) return RowResult.Accepted(row);
        if (DimensionProblem(raw.Length) is { } problem)
            return RowResult.Rejected(row.Source, row.RowNumber, RowRejectionCodes.EmbeddingDimension, problem);

        sums ??= new double[raw.Length];
        counts ??= new long[raw.Length];
        var vector = (float[])raw.Clone();
        var nonFinite = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            if (float.IsFinite(vector[i])) continue;
            nonFinite++;
            vector[i] = strategy == NonFiniteStrategies.FillMean && counts![i] > 0 ? (float)(sums![i] / counts[i]) : 0f;
        }
        if (nonFinite > 0 && strategy == NonFiniteStrategies.Drop)
        {
            return RowResult.Rejected(row.Source, row.RowNumber, RowRejectionCodes.EmbeddingNotFinite,
                $"{nonFinite} of {vector.Length} values are NaN or infinite (strategy drop)");
        }
        if (strategy == NonFiniteStrategies.FillMean) AddToMean(raw);

        var norm = TensorPrimitives.Norm<float>(vector);
        if (!(norm > 0) || !float.IsFinite(norm))
            return RowResult.Rejected(row.Source, row.RowNumber, RowRejectionCodes.EmbeddingZeroNorm, $"the embedding has norm {norm}; it cannot be normalized");
        TensorPrimitives.Divide(vector, norm, vector);
        return RowResult.Accepted(row with { Embedding = vector });
    }

    private string? DimensionProblem(int length)
    {
        if (options.ExpectedDimension is { } expected)
            return length == expected ? null : $"dimension {length}, expected {expected}";
        if (length < options.MinDimension || length > options.MaxDimension)
            return $"dimension {length} is outside {options.MinDimension}..{options.MaxDimension}";
        if (dimension is { } first && length != first)
            return $"dimension {length} differs from {first}, the dimension of the first embedding in this import";
        dimension = length;
        return null;
    }

    private void AddToMean(float[] raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (!float.IsFinite(raw[i])) continue;
            sums![i] += raw[i];
            counts![i]++;
        }
    }

    private static string Validated(string strategy) => strategy is NonFiniteStrategies.Drop or NonFiniteStrategies.FillZero or NonFiniteStrategies.FillMean
        ? strategy
        : throw new ArgumentException($"Unknown NaN/Inf strategy '{strategy}'; use drop, fill_zero or fill_mean.", nameof(strategy));
}
