namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>Where the built services are, found from this test assembly's own output folder.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, whichever this test assembly was built as.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Output(string projectFolder, string assembly) =>
        Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", assembly + ".dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sessions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sessions.sln not found above " + AppContext.BaseDirectory);
    }
}
