using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.IntegrationTests.Contributions;

public sealed class ImportCommandTests_on_Sqlite() : ImportCommandTests(DatabaseProvider.Sqlite);

public sealed class ImportCommandTests_on_Postgres() : ImportCommandTests(DatabaseProvider.Postgres);

/// <summary><c>sessions-admin import</c> and <c>integrations</c> as their own process, against a real database.</summary>
public abstract class ImportCommandTests(string provider) : IAsyncLifetime
{
    private static string AdminTool => RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");
    private readonly string _root = Directory.CreateTempSubdirectory("sessions-imports-").FullName;
    private TestDatabase _database = null!;

    private Dictionary<string, string?> Settings
    {
        get
        {
            var settings = _database.Settings;
            settings["Datasets:Import:ImportRoots:0"] = _root;
            return settings;
        }
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), "migrate");
        Assert.True(code == 0, output);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Import_commits_a_file_lists_it_and_rolls_it_back_by_id()
    {
        var file = Path.Combine(_root, "rows.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 5).Select(i => ContributionFixture.Row(i)).Append(ContributionFixture.Row(1)).Append("{broken"));

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(120),
            "import", file, "--model", "default", "--merge", "weighted", "--weight", "0.3", "--dedupe", "--shuffle", "--seed", "7", "--json");

        Assert.True(code == 0, output);
        var summary = JsonNode.Parse(output[output.IndexOf('{')..])!;
        Assert.Equal(("committed", 7, 5, 2, 1), (summary["status"]!.GetValue<string>(), summary["rowsRead"]!.GetValue<int>(),
            summary["accepted"]!.GetValue<int>(), summary["rejected"]!.GetValue<int>(), summary["duplicatesInFile"]!.GetValue<int>()));
        var id = summary["integrationId"]!.GetValue<Guid>();
        await using (var db = TestData.Open(_database))
        {
            var stored = await db.Integrations.SingleAsync();
            Assert.Equal((MergeStrategy.Weighted, 0.3, 7), (stored.MergeStrategy, stored.Weight, stored.ShuffleSeed));
        }

        (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), "integrations", "--json");
        Assert.True(code == 0, output);
        Assert.Contains(id.ToString(), output);

        (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), "integrations", "rollback", id.ToString());
        Assert.True(code == 0, output);
        Assert.Contains("5 examples", output);
        await using (var db = TestData.Open(_database))
        {
            Assert.Equal(0, await db.Examples.CountAsync());
        }
    }

    [Fact]
    public async Task Import_names_the_problem_and_the_fix_for_a_missing_file_and_a_path_outside_the_roots()
    {
        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), "import", Path.Combine(_root, "missing.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains("import failed: source_not_found", output);
        Assert.Contains("nothing was stored", output);

        (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), "import", Path.Combine(_root, "..", "elsewhere.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains("import failed: outside_import_roots", output);
        Assert.Contains("fix: copy the file under an import root", output);

        (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), "import", Path.Combine(_root, "x.jsonl"), "--merge", "weighted");
        Assert.Equal(1, code);
        Assert.Contains("needs a weight in (0, 1)", output);

        await using var db = TestData.Open(_database);
        Assert.Equal(0, await db.Examples.CountAsync());
    }
}
