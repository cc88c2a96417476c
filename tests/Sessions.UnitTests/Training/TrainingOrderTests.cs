using Sessions.Contributions.Merging;
using Sessions.Storage.Entities;
using Sessions.Trainer.Runs;

namespace Sessions.UnitTests.Training;

public sealed class TrainingOrderTests
{
    private static readonly Guid A = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000000");
    private static readonly Guid B = Guid.Parse("bbbbbbbb-0000-0000-0000-000000000000");

    // Session examples 1..4, integration A's 5..7.
    private static readonly (long, Guid?)[] Examples = [(1, null), (2, null), (3, null), (4, null), (5, A), (6, A), (7, A)];

    [Fact]
    public void Append_puts_contributed_examples_after_the_existing_ones()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], TrainingOrder.Of(Examples, [new(A, MergeStrategy.Append, null, 42)]));
    }

    [Fact]
    public void Interleave_alternates_and_then_continues_with_the_longer_side()
    {
        Assert.Equal([1, 5, 2, 6, 3, 7, 4], TrainingOrder.Of(Examples, [new(A, MergeStrategy.Interleave, null, 42)]));
    }

    [Fact]
    public void Weighted_takes_contributed_examples_with_the_given_probability_reproducibly()
    {
        var existing = Enumerable.Range(1, 10_000).Select(i => (long)i).ToList();
        var contributed = Enumerable.Range(20_001, 10_000).Select(i => (long)i).ToList();
        var merge = new ContributedMerge(A, MergeStrategy.Weighted, 0.3, 7);

        var order = TrainingOrder.Merge(existing, contributed, merge);

        Assert.Equal(order, TrainingOrder.Merge(existing, contributed, merge));
        Assert.Equal(existing.Concat(contributed).Order(), order.Order()); // nothing dropped or repeated
        var share = order.Take(5_000).Count(id => id > 20_000) / 5_000.0;
        Assert.InRange(share, 0.27, 0.33);
        Assert.NotEqual(order, TrainingOrder.Merge(existing, contributed, merge with { Seed = 8 }));
    }

    [Fact]
    public void Integrations_merge_in_order_and_keep_each_strategy()
    {
        (long, Guid?)[] examples = [(1, null), (2, null), (3, A), (4, A), (5, B)];

        var order = TrainingOrder.Of(examples, [new(A, MergeStrategy.Interleave, null, 42), new(B, MergeStrategy.Append, null, 42)]);

        Assert.Equal([1, 3, 2, 4, 5], order);
    }

    [Fact]
    public void Examples_of_unlisted_integrations_keep_their_place_in_id_order()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], TrainingOrder.Of(Examples, []));
    }
}
