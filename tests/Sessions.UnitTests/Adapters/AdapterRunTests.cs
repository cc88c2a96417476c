using Sessions.Trainer.Adapters;
using Sessions.Trainer.Folds;

namespace Sessions.UnitTests.Adapters;

public class AdapterRunTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"adapter-run-{Guid.NewGuid():N}");
    private readonly AdapterRun _run = new(new AdapterTrainer());
    private readonly GroupedFolds _folds = new(5, 42);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_better_adapter_than_the_base_is_promoted_and_written_with_its_card()
    {
        var pairs = SyntheticPairs.Generate(32, sessions: 200, pairsPerSession: 4, nuisance: 2, seed: 5);

        var evaluation = _run.Run(pairs, _folds, new AdapterOptions { Epochs = 5 }, promoted: null, _folder, "m-v1", "hash", null, default);

        Assert.True(evaluation.Promote);
        Assert.Null(evaluation.Promoted);
        Assert.True(File.Exists(Path.Combine(_folder, AdapterRun.WeightsFile)));
        Assert.Contains("\"snapshotHash\": \"hash\"", File.ReadAllText(Path.Combine(_folder, AdapterRun.CardFile)));
    }

    [Fact]
    public void An_adapter_is_not_promoted_over_a_better_promoted_one_measured_on_the_same_validation_data()
    {
        var pairs = SyntheticPairs.Generate(32, sessions: 200, pairsPerSession: 4, nuisance: 2, seed: 5);
        var strong = new AdapterTrainer().Train(pairs.Where(p => !_folds.IsValidation(p.GroupId)).ToList(), new AdapterOptions { Epochs = 10 }).Adapter;

        var evaluation = _run.Run(pairs, _folds, new AdapterOptions { Epochs = 1, AdapterLearningRate = 0.001 }, strong, _folder, "m-v2", "hash", null, default);

        Assert.NotNull(evaluation.Promoted);
        Assert.True(evaluation.Promoted.MrrAt10 > evaluation.Adapter.MrrAt10);
        Assert.False(evaluation.Promote);
    }

    [Fact]
    public void A_promoted_adapter_of_another_dimension_is_not_compared()
    {
        var pairs = SyntheticPairs.Generate(32, sessions: 100, pairsPerSession: 4, nuisance: 2, seed: 5);

        var evaluation = _run.Run(pairs, _folds, new AdapterOptions { Epochs = 3 }, LinearAdapter.Identity(16), _folder, "m-v3", "hash", null, default);

        Assert.Null(evaluation.Promoted);
    }

    [Fact]
    public void Pairs_all_from_one_session_cannot_be_split_and_are_refused_with_the_counts()
    {
        var pairs = SyntheticPairs.Generate(8, sessions: 1, pairsPerSession: 6, nuisance: 1, seed: 1);

        var ex = Assert.Throws<InsufficientPairsException>(() => _run.Run(pairs, _folds, new AdapterOptions(), null, _folder, "m", "h", null, default));
        Assert.Contains("needs at least 2 of each", ex.Message);
        Assert.False(Directory.Exists(_folder));
    }
}
