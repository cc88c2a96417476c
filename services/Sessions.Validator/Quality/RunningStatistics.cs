namespace Sessions.Validator.Quality;

/// <summary>Mean and standard deviation in one pass (Welford), numerically stable, O(1) per value.</summary>
public sealed class RunningStatistics
{
    public long Count { get; private set; }
    public double Mean { get; private set; }
    private double _m2;

    /// <summary>Sample standard deviation (n - 1); 0 below two values.</summary>
    public double StandardDeviation => Count < 2 ? 0 : Math.Sqrt(_m2 / (Count - 1));

    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            return; // one NaN would poison every later mean
        }

        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        _m2 += delta * (value - Mean);
    }

    /// <summary>Signed distance from the mean in standard deviations; 0 while the deviation is 0.</summary>
    public double ZScore(double value)
    {
        var deviation = StandardDeviation;
        return deviation <= 0 ? 0 : (value - Mean) / deviation;
    }

    public RunningStatisticsSnapshot ToSnapshot() => new(Count, Mean, _m2);

    /// <summary>From stored sums (count, sum, sum of squares); the cancellation error is clamped so the deviation stays real.</summary>
    public static RunningStatistics FromSums(long count, double sum, double sumOfSquares)
    {
        if (count <= 0)
        {
            return new RunningStatistics();
        }

        var mean = sum / count;
        return new() { Count = count, Mean = mean, _m2 = Math.Max(0, sumOfSquares - (sum * mean)) };
    }

    public static RunningStatistics FromSnapshot(RunningStatisticsSnapshot snapshot) =>
        new() { Count = snapshot.Count, Mean = snapshot.Mean, _m2 = snapshot.SumOfSquaredDeviations };
}
