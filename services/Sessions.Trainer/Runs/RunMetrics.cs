using Sessions.Trainer.Folds;
namespace Sessions.Trainer.Runs;

/// <summary>Counts every run reports of its snapshot; the adapter and the fine-tuning export add their own metrics.</summary>
public static class RunMetrics
{
    public static Dictionary<string, double> Of(DatasetSnapshot snapshot, GroupedFolds folds)
    {
        var validation = snapshot.Examples.Count(e => folds.IsValidation(e.SessionId));
        return new Dictionary<string, double>
        {
            ["examples"] = snapshot.Examples.Count,
            ["sessions"] = snapshot.Examples.Select(e => e.SessionId).Distinct().Count(),
            ["train_examples"] = snapshot.Examples.Count - validation,
            ["validation_examples"] = validation,
            ["mean_tokens"] = snapshot.Examples.Count == 0 ? 0 : Math.Round(snapshot.Examples.Average(e => e.TokenCount), 2),
        };
    }
}
