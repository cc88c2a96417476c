namespace Sessions.Admin.Reporting;

/// <summary>Counts of a histogram: bucket lower bounds (inclusive) and how many values fell in each.</summary>
public sealed record Histogram(IReadOnlyList<double> Bounds, IReadOnlyList<int> Counts)
{
    public static Histogram Of(IEnumerable<double> values, IReadOnlyList<double> bounds)
    {
        var counts = new int[bounds.Count];
        foreach (var v in values)
        {
            var i = bounds.Count - 1;
            while (i > 0 && v < bounds[i])
            {
                i--;
            }

            counts[i]++;
        }

        return new Histogram(bounds, counts);
    }
}
