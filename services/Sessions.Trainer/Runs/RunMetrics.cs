namespace Sessions.Trainer.Runs;

/// <summary>What the built-in run measures of its snapshot. The real training step replaces this (issue: trainer).</summary>
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
