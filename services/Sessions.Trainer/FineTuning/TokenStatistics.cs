namespace Sessions.Trainer.FineTuning;

public sealed record TokenStatistics(int Min, double Mean, int P95, int Max, long Total)
{
    public static TokenStatistics Of(IReadOnlyList<int> counts)
    {
        if (counts.Count == 0)
        {
            return new TokenStatistics(0, 0, 0, 0, 0);
        }

        var sorted = counts.Order().ToList();
        return new TokenStatistics(sorted[0], Math.Round(sorted.Average(), 2), sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1], sorted[^1], sorted.Sum(c => (long)c));
    }
}
