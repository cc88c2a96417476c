namespace Sessions.UnitTests;

/// <summary>Figures a test measures, written where scripts/test.sh prints them after the run ($SESSIONS_TEST_REPORTS).</summary>
internal static class TestReports
{
    public static void Write(string name, string report)
    {
        var folder = Environment.GetEnvironmentVariable("SESSIONS_TEST_REPORTS");
        if (!string.IsNullOrEmpty(folder) && Directory.Exists(folder))
        {
            File.WriteAllText(Path.Combine(folder, name + ".txt"), report + Environment.NewLine);
        }
    }
}
