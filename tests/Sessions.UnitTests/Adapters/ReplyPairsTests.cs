using Sessions.Trainer.Adapters;
using Sessions.Trainer.Runs;

namespace Sessions.UnitTests.Adapters;

public class ReplyPairsTests
{
    private static readonly string[] Roles = ["system", "user", "assistant", "user", "user", "assistant", "assistant"];

    [Fact]
    public void The_pair_is_the_nearest_user_turn_before_the_reply()
    {
        Assert.Equal(new ReplyTurns("s", 1, 2), ReplyPairs.Locate(new ExamplePlace("s", 0, 2), Roles));
        Assert.Equal(new ReplyTurns("s", 4, 5), ReplyPairs.Locate(new ExamplePlace("s", 1, 5), Roles));
        Assert.Equal(new ReplyTurns("s", 4, 6), ReplyPairs.Locate(new ExamplePlace("s", 3, 6), Roles));
    }

    [Theory]
    [InlineData(5, 6)] // no user turn inside the example
    [InlineData(0, 3)] // the last message is not an assistant reply
    [InlineData(0, 7)] // beyond the stored session
    [InlineData(0, -1)]
    public void Examples_whose_roles_do_not_show_a_pair_give_none(int first, int last) =>
        Assert.Null(ReplyPairs.Locate(new ExamplePlace("s", first, last), Roles));

    [Fact]
    public void Pairs_need_both_vectors_finite_and_of_the_most_common_dimension()
    {
        var turns = new[] { new ReplyTurns("a", 0, 1), new ReplyTurns("b", 0, 1), new ReplyTurns("c", 0, 1), new ReplyTurns("d", 0, 1), new ReplyTurns("e", 0, 1) };
        var vectors = new Dictionary<(string, int), float[]>
        {
            [("a", 0)] = [1, 0], [("a", 1)] = [0, 1],
            [("b", 0)] = [1, 1], [("b", 1)] = [1, 0],
            [("c", 0)] = [1, 0, 0], [("c", 1)] = [0, 0, 1],  // an older embedding model's size
            [("d", 0)] = [float.NaN, 0], [("d", 1)] = [0, 1],
            [("e", 0)] = [1, 0],                                // reply never embedded
        };

        var set = ReplyPairs.Build(turns, vectors);

        Assert.Equal(["a", "b"], set.Pairs.Select(p => p.GroupId));
        Assert.Equal(3, set.ExamplesWithoutPair);
    }

    [Fact]
    public void The_same_pairs_come_out_in_the_same_order_whatever_order_they_were_stored_in()
    {
        var turns = Enumerable.Range(0, 20).Select(i => new ReplyTurns($"s{i % 7}", i, i + 1)).ToList();
        var vectors = turns.SelectMany(t => new[] { (t.SessionId, t.UserIndex), (t.SessionId, t.ReplyIndex) })
            .Distinct().ToDictionary(k => k, k => new float[] { k.Item2 + 1, 1 });

        var forward = ReplyPairs.Build(turns, vectors).Pairs;
        var backward = ReplyPairs.Build(turns.AsEnumerable().Reverse().ToList(), vectors).Pairs;

        Assert.Equal(forward.Select(p => (p.GroupId, p.Query[0])), backward.Select(p => (p.GroupId, p.Query[0])));
    }
}
