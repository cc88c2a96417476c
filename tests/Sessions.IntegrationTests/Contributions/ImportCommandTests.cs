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

    [Fact]
    public async Task Export_writes_accepted_examples_in_the_training_order_with_contributions_merged_by_their_strategy()
    {
        await using (var db = TestData.Open(_database))
        {
            db.Examples.AddRange(Enumerable.Range(0, 4).Select(i => new ExampleRecord
            {
                SessionId = $"session-{i}", ModelName = "default", MessagesJson = ContributionFixture.Row(1000 + i, "kitchen"), ContentHash = $"hash-{i}",
                TokenCount = 30, LastMessageIndex = 1, Status = ExampleStatus.Accepted, CreatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        var file = Path.Combine(_root, "interleaved.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 3).Select(i => ContributionFixture.Row(i)));
        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(120), "import", file, "--merge", "interleave");
        Assert.True(code == 0, output);

        Assert.Equal("SCSCSCS", await ExportedOriginsAsync("training.jsonl"));
        Assert.Equal("SSSSCCC", await ExportedOriginsAsync("by-id.jsonl", "--order", "id"));

        (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60),
            "export", "--status", "all", "--order", "training", "--output", Path.Combine(_root, "refused.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains("the training order holds accepted examples only", output);
        (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60),
            "export", "--order", "random", "--output", Path.Combine(_root, "refused.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains("--order must be training or id, not 'random'", output);
    }

    [Fact]
    public async Task Export_to_parquet_writes_the_chat_layout_that_import_reads_back()
    {
        var file = Path.Combine(_root, "rows.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 6).Select(i => ContributionFixture.Row(i)));
        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(120), "import", file);
        Assert.True(code == 0, output);

        var parquet = Path.Combine(_root, "shared.parquet");
        (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), "export", "--format", "parquet", "--output", parquet);
        Assert.True(code == 0, output);
        Assert.Contains("wrote 6 accepted examples", output);
        (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(120), "import", parquet, "--model", "copy", "--json");

        Assert.True(code == 0, output);
        var summary = JsonNode.Parse(output[output.IndexOf('{')..])!;
        Assert.Equal(("committed", 6, 6), (summary["status"]!.GetValue<string>(), summary["rowsRead"]!.GetValue<int>(), summary["accepted"]!.GetValue<int>()));
        await using var db = TestData.Open(_database);
        var original = await db.Examples.Where(e => e.ModelName == "default").OrderBy(e => e.Id).Select(e => e.MessagesJson).ToListAsync();
        var copied = await db.Examples.Where(e => e.ModelName == "copy").OrderBy(e => e.Id).Select(e => e.MessagesJson).ToListAsync();
        Assert.Equal(original, copied);
    }

    [Fact]
    public async Task Import_migrates_a_database_never_migrated_and_names_an_unreachable_one_in_one_line()
    {
        var file = Path.Combine(_root, "fresh.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 3).Select(i => ContributionFixture.Row(i)));
        var fresh = new Dictionary<string, string?>(Settings)
        {
            ["Database:Provider"] = "sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_root, "never-migrated.db")}",
        };

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, fresh, TimeSpan.FromSeconds(120), "import", file, "--json");
        Assert.True(code == 0, output);
        Assert.Contains("\"accepted\": 3", output);

        var away = new Dictionary<string, string?>(Settings)
        {
            ["Database:Provider"] = "postgres",
            ["Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Database=none;Timeout=3",
        };
        (code, output) = await ServiceProcess.RunAsync(AdminTool, away, TimeSpan.FromSeconds(60), "import", file);
        Assert.Equal(1, code);
        Assert.Contains("cannot import: the postgres database is not reachable", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    /// <summary>S for a session example, C for a contributed one, in the order <c>export</c> wrote them.</summary>
    private async Task<string> ExportedOriginsAsync(string name, params string[] options)
    {
        var file = Path.Combine(_root, name);
        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), ["export", "--output", file, .. options]);
        Assert.True(code == 0, output);
        return string.Concat((await File.ReadAllLinesAsync(file))
            .Select(l => JsonNode.Parse(l)!["session_id"]!.GetValue<string>().StartsWith("contrib-", StringComparison.Ordinal) ? 'C' : 'S'));
    }
}
