using Sessions.Trainer.Folds;

namespace Sessions.UnitTests.Folds;

public class GroupedFoldsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(17)]
    [InlineData(23)]
    [InlineData(101)]
    public void Folds_differ_by_at_most_one_session_and_validation_is_never_empty(int sessions)
    {
        var ids = Enumerable.Range(0, sessions).Select(i => $"session-{i}").ToList();
        var folds = new GroupedFolds(5, 42, ids);

        var sizes = Enumerable.Range(0, 5).Select(f => ids.Count(id => folds.FoldOf(id) == f)).ToList();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
        Assert.True(ids.Count(folds.IsValidation) >= 1);
    }

    [Fact]
    public void Runs_of_11_to_23_sessions_all_get_a_validation_fold_whatever_the_seed()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            for (var n = 11; n <= 23; n++)
            {
                var ids = Enumerable.Range(0, n).Select(i => $"s{seed}-{i}").ToList();
                var folds = new GroupedFolds(5, seed, ids);
                Assert.InRange(ids.Count(folds.IsValidation), n / 5, (n / 5) + 1);
            }
        }
    }

    [Fact]
    public void The_assignment_depends_on_the_set_of_sessions_not_their_order()
    {
        var ids = Enumerable.Range(0, 40).Select(i => $"id-{i}").ToList();
        var forward = new GroupedFolds(5, 7, ids);
        var backward = new GroupedFolds(5, 7, Enumerable.Reverse(ids).Concat(ids));

        Assert.All(ids, id => Assert.Equal(forward.FoldOf(id), backward.FoldOf(id)));
    }
}
