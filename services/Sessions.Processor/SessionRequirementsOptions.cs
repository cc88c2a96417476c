namespace Sessions.Processor;

public class SessionRequirementsOptions
{
    public int MinMessages { get; set; } = 10;
    public int MaxMessages { get; set; } = 1000;
    public TimeSpan MinDuration { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(24);
    public int MaxSessionIdLength { get; set; } = 200;
    /// <summary>A single message longer than this is refused outright (a 512-token example needs far less).</summary>
    public int MaxMessageChars { get; set; } = 32_000;
    /// <summary>Clock skew tolerated before a timestamp counts as in the future.</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>A message or metadata time before this is refused as <c>timestamp_out_of_range</c> (year 0001 is a missing value, not a date).</summary>
    public DateTimeOffset MinTimestamp { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
