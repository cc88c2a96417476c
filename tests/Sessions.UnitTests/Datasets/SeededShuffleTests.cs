using Sessions.Datasets;
using Sessions.Datasets.Shuffling;

namespace Sessions.UnitTests.Datasets;

public class SeededShuffleTests
{
    private static async IAsyncEnumerable<RowResult> Rows(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return i % 10 == 0
                ? RowResult.Rejected("test", i, RowRejectionCodes.InvalidJson, "x")
                : RowResult.Accepted(new ContributedRow("test", i, [new("user", "q"), new("assistant", "a")]));
        }
    }

    private static async Task<long[]> Order(int seed, int buffer, int count = 1000) =>
        (await DatasetFiles.CollectAsync(SeededShuffle.ShuffleAsync(Rows(count), seed, buffer)))
            .Select(r => r.Row?.RowNumber ?? -r.Rejection!.RowNumber).ToArray();

    [Fact]
    public async Task The_same_seed_gives_the_same_permutation_and_another_seed_another()
    {
        var first = await Order(42, 100);

        Assert.Equal(first, await Order(42, 100));
        Assert.NotEqual(first, await Order(7, 100));
        Assert.Equal(Enumerable.Range(1, 1000).Where(i => i % 10 != 0).Select(i => (long)i), first.Where(n => n > 0).Order());
        Assert.NotEqual(first.Where(n => n > 0).Order(), first.Where(n => n > 0));
    }

    [Fact]
    public async Task Rejections_keep_file_order_and_no_row_moves_earlier_than_the_buffer_allows()
    {
        var order = await Order(42, 50);

        Assert.Equal(Enumerable.Range(1, 100).Select(i => -10L * i), order.Where(n => n < 0));
        var accepted = order.Where(n => n > 0).ToArray();
        Assert.All(accepted.Select((row, position) => (row, position)), p => Assert.True(p.row - 1 <= p.position + 50 + p.row / 10));
    }

    [Fact]
    public async Task A_buffer_larger_than_the_input_is_a_full_shuffle()
    {
        var order = await Order(1, 10_000, count: 20);

        Assert.Equal(20, order.Length);
        Assert.NotEqual(order.Where(n => n > 0).Order(), order.Where(n => n > 0));
    }
}
