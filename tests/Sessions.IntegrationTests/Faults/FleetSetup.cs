using Sessions.IntegrationTests.Infrastructure;

namespace Sessions.IntegrationTests.Faults;

/// <summary>What every fault test gives its service processes: the database, the virtual host, a folder, and a migrated schema.</summary>
internal static class FleetSetup
{
    public static readonly string Admin = RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");

    /// <summary>The services' settings; <paramref name="withoutTraining"/> when the test is about the message flow only.</summary>
    public static async Task<Dictionary<string, string?>> MigratedAsync(TestDatabase database, string vhost, string folder, bool withoutTraining,
        RabbitNode? node = null)
    {
        var environment = new Dictionary<string, string?>(database.Settings.Concat(EventLog.RabbitSettings(vhost, node)))
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Trainer:ArtifactsPath"] = Path.Combine(folder, "artifacts"),
        };
        if (withoutTraining)
        {
            environment["Trainer:MinNewExamples"] = "100000000";
        }

        var (code, output) = await ServiceProcess.RunAsync(Admin, environment, TimeSpan.FromSeconds(90), "migrate");
        Assert.True(code == 0, output);
        return environment;
    }
}
