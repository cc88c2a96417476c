using Sessions.Datasets;
using Sessions.Datasets.Cleaning;

namespace Sessions.UnitTests.Datasets;

public class EmbeddingCleanerTests
{
    private static readonly ContributedMessage[] Chat = [new("user", "q"), new("assistant", "a")];

    private static ContributedRow Row(params float[] vector) => new("test", 1, Chat, Embedding: vector);

    private static EmbeddingCleaner Cleaner(string strategy = NonFiniteStrategies.Drop, int? expected = 3) =>
        new(new EmbeddingCleaningOptions { ExpectedDimension = expected, NonFiniteStrategy = strategy });

    [Fact]
    public void An_embedding_is_l2_normalized_into_a_new_array()
    {
        var raw = new float[] { 3, 0, 4 };

        var cleaned = Cleaner().Clean(Row(raw)).Row!.Embedding!;

        Assert.Equal([0.6f, 0f, 0.8f], cleaned);
        Assert.Equal([3f, 0f, 4f], raw);
    }

    [Fact]
    public void A_row_without_an_embedding_passes_unchanged()
    {
        var row = new ContributedRow("test", 1, Chat);

        Assert.Same(row, Cleaner().Clean(row).Row);
    }

    [Fact]
    public void Dimensions_outside_the_range_or_different_from_the_first_are_rejected()
    {
        var cleaner = Cleaner(expected: null);
        var ok = Enumerable.Repeat(1f, 384).ToArray();

        Assert.Equal(RowRejectionCodes.EmbeddingDimension, cleaner.Clean(Row(1, 2, 3)).Rejection?.Code);
        Assert.Equal(RowRejectionCodes.EmbeddingDimension, cleaner.Clean(Row(new float[769])).Rejection?.Code);
        Assert.True(cleaner.Clean(Row(ok)).IsAccepted);
        var different = cleaner.Clean(Row(Enumerable.Repeat(1f, 512).ToArray())).Rejection!;
        Assert.Equal(RowRejectionCodes.EmbeddingDimension, different.Code);
        Assert.Contains("differs from 384", different.Detail);
        Assert.Equal(RowRejectionCodes.EmbeddingDimension, Cleaner(expected: 4).Clean(Row(1, 2, 3)).Rejection?.Code);
    }

    [Fact]
    public void Drop_rejects_a_vector_with_nan_or_infinity()
    {
        var cleaner = Cleaner();

        Assert.Equal(RowRejectionCodes.EmbeddingNotFinite, cleaner.Clean(Row(1, float.NaN, 0)).Rejection?.Code);
        Assert.Equal(RowRejectionCodes.EmbeddingNotFinite, cleaner.Clean(Row(1, float.NegativeInfinity, 0)).Rejection?.Code);
    }

    [Fact]
    public void Fill_zero_replaces_non_finite_values_with_zero_before_normalizing() =>
        Assert.Equal([1f, 0f, 0f], Cleaner(NonFiniteStrategies.FillZero).Clean(Row(2, float.NaN, float.PositiveInfinity)).Row!.Embedding!);

    [Fact]
    public void Fill_mean_uses_the_running_mean_of_earlier_rows_per_dimension()
    {
        var cleaner = Cleaner(NonFiniteStrategies.FillMean);
        cleaner.Clean(Row(1, 2, float.NaN));
        cleaner.Clean(Row(3, 4, float.NaN));

        var filled = cleaner.Clean(Row(float.NaN, float.NaN, float.NaN)).Row!.Embedding!;   // means (2, 3, none -> 0)
        var norm = MathF.Sqrt(13);

        Assert.Equal([2 / norm, 3 / norm, 0f], filled);
    }

    [Fact]
    public void A_zero_vector_is_rejected()
    {
        Assert.Equal(RowRejectionCodes.EmbeddingZeroNorm, Cleaner().Clean(Row(0, 0, 0)).Rejection?.Code);
        Assert.Equal(RowRejectionCodes.EmbeddingZeroNorm, Cleaner(NonFiniteStrategies.FillZero).Clean(Row(float.NaN, 0, 0)).Rejection?.Code);
    }

    [Fact]
    public void An_unknown_strategy_fails_at_construction() =>
        Assert.Throws<ArgumentException>(() => Cleaner("fill_median"));
}
