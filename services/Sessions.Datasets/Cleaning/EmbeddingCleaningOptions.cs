namespace Sessions.Datasets.Cleaning;

/// <summary>Checks applied to a precomputed embedding carried by a row.</summary>
public sealed class EmbeddingCleaningOptions
{
    /// <summary>When set, every embedding must have exactly this dimension; otherwise it must be in [Min, Max] and equal the first one seen.</summary>
    public int? ExpectedDimension { get; set; }

    public int MinDimension { get; set; } = 384;

    public int MaxDimension { get; set; } = 768;

    /// <summary><c>drop</c> (reject the row), <c>fill_zero</c> or <c>fill_mean</c>.</summary>
    public string NonFiniteStrategy { get; set; } = NonFiniteStrategies.Drop;
}

public static class NonFiniteStrategies
{
    public const string Drop = "drop";
    public const string FillZero = "fill_zero";
    public const string FillMean = "fill_mean";
}
