using Sessions.Validator.Quality;
using Sessions.Validator.Validation;

namespace Sessions.UnitTests.Quality;

public class PendingCorpusStatisticsTests
{
    private static QualityStateChanges Learned(params string[] texts)
    {
        var state = new ModelQualityState { Changes = new() };
        foreach (var text in texts)
        {
            state.Learn(new QualityInput(text, 12, [1f, 0f, 0f]), TextQualitySignals.Of(text));
        }

        return state.Changes!;
    }

    [Fact]
    public void Batches_add_up_until_taken_and_readers_see_them_meanwhile()
    {
        var pending = new PendingCorpusStatistics();
        pending.Add("m", Learned("alpha beta", "beta gamma"));
        pending.Add("m", Learned("beta delta"));
        pending.Add("other", Learned("alpha"));

        var counters = new Dictionary<string, double> { [CorpusCounterNames.Documents] = 10 };
        var terms = pending.AddPendingTo("m", counters);
        Assert.Equal(13, counters[CorpusCounterNames.Documents]);
        Assert.Equal(3, counters[CorpusCounterNames.CentroidCount]);
        Assert.Equal(3, terms("beta"));
        Assert.Equal(0, terms("zeta"));

        var taken = pending.Take();
        Assert.Equal(3, taken["m"].TermDocuments["beta"]);
        Assert.Equal(1, taken["other"].Counters[CorpusCounterNames.Documents]);
        Assert.Empty(pending.Take());
    }
}
