using Sessions.Contracts;

namespace Sessions.Validator.Quality;

/// <summary>Hard checks of one embedding: dimension in range, every component finite, a norm above zero.</summary>
public static class EmbeddingChecks
{
    public static List<RejectionReason> Check(ReadOnlySpan<float> embedding, QualityOptions options)
    {
        var reasons = new List<RejectionReason>();
        if (embedding.Length < options.MinEmbeddingDimension || embedding.Length > options.MaxEmbeddingDimension)
        {
            reasons.Add(new(QualityCodes.EmbeddingDimension,
                $"dimension {embedding.Length}; expected {options.MinEmbeddingDimension}..{options.MaxEmbeddingDimension}"));
        }

        var nonFinite = 0;
        var squares = 0.0;
        foreach (var value in embedding)
        {
            if (float.IsFinite(value))
            {
                squares += (double)value * value;
            }
            else
            {
                nonFinite++;
            }
        }

        if (nonFinite > 0)
        {
            reasons.Add(new(QualityCodes.EmbeddingNotFinite, $"{nonFinite} components are NaN or infinite"));
        }
        else if (!(Math.Sqrt(squares) > 1e-12))
        {
            reasons.Add(new(QualityCodes.EmbeddingZeroNorm, "the embedding's norm is zero"));
        }

        return reasons;
    }
}
