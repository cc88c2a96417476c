using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;

namespace Sessions.IntegrationTests.Security;

/// <summary>A database that is not there, not migrated or not a database: one line and an exit code, never a stack trace.</summary>
public sealed class UnreachableDatabaseTests : IDisposable
{
    private static string AdminTool => RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-h18-db-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, string?> ClosedPostgres => new()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        ["Database:Provider"] = DatabaseProvider.Postgres,
        ["Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=sessions;Password=sessions;Database=sessions;Timeout=3",
    };

    [Theory]
    [InlineData("runs")]
    [InlineData("integrations")]
    [InlineData("report")]
    [InlineData("import")]
    public async Task An_unreachable_PostgreSQL_gives_one_line_and_an_exit_code(string command)
    {
        var settings = ClosedPostgres;
        settings["Datasets:Import:ImportRoots:0"] = _folder;
        var file = Path.Combine(_folder, "rows.jsonl");
        await File.WriteAllTextAsync(file, Contributions.ContributionFixture.Row(1) + "\n");
        string[] args = command == "import" ? ["import", file] : [command];

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, settings, TimeSpan.FromSeconds(90), args);

        Assert.True(code is 1 or 2, output);
        Assert.DoesNotContain("   at ", output);
        Assert.True(output.Trim().Split('\n').Length <= 2, output);
        Assert.Contains("database", output);
    }

    // A never-migrated database: `import` migrates it as the services do (ImportCommandTests covers it).

    [Fact]
    public async Task Health_is_unhealthy_on_a_corrupt_SQLite_file()
    {
        var path = Path.Combine(_folder, "corrupt.db");
        var garbage = new byte[64 * 1024];
        new Random(18).NextBytes(garbage);
        await File.WriteAllBytesAsync(path, garbage);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseProvider.Sqlite,
            ["Database:ConnectionString"] = $"Data Source={path}",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSessionsStorage(configuration);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("does not answer a query", report.Entries["database"].Description);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(path));
    }
}
