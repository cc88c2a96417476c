using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sessions.IntegrationTests.Contributions;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.IntegrationTests.Security;

public sealed class HostileAdminTests_on_Sqlite() : HostileAdminTests(DatabaseProvider.Sqlite);

public sealed class HostileAdminTests_on_Postgres() : HostileAdminTests(DatabaseProvider.Postgres);

/// <summary>The admin tool as its own process against hostile names, stalled downloads, signals and stored markup.</summary>
public abstract class HostileAdminTests(string provider) : IAsyncLifetime
{
    private static string AdminTool => RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");
    private readonly string _root = Directory.CreateTempSubdirectory("sessions-h18-imports-").FullName;
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

    [Theory]
    [InlineData("runs")]
    [InlineData("train")]
    [InlineData("import")]
    [InlineData("report")]
    [InlineData("export")]
    public async Task Every_command_refuses_a_hostile_model_name_before_it_does_anything(string command)
    {
        string[] args = command switch
        {
            "import" => ["import", Path.Combine(_root, "x.jsonl"), "--model", "../../x"],
            "export" => ["export", "--output", Path.Combine(_root, "out.jsonl"), "--model", "../../x"],
            _ => [command, "--model", "../../x"],
        };

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), args);

        Assert.True(code != 0, output);
        Assert.Contains("invalid_model_name", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Runs_lists_a_stored_model_name_with_markup_instead_of_crashing()
    {
        await using (var db = TestData.Open(_database))
        {
            db.TrainingRuns.Add(new TrainingRunRecord
            {
                Id = Guid.NewGuid(), ModelName = "support[bot]", Type = "all", Trigger = "manual", RequestedBy = "[red]x", Status = TrainingRunStatus.Failed,
                Error = "[/] broken [markup", ModelVersion = "support[bot]-v1", CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), "runs");

        // Before escaping, '[bot]' was read as a markup tag and the command crashed for everyone; the table wraps the cell at 80 columns.
        Assert.True(code == 0, output);
        Assert.Contains("┌", output);
        Assert.Contains("sup", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_stalled_download_fails_the_import_with_a_clear_error_instead_of_hanging()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapGet("/stall.jsonl", Stall));
        var settings = Settings;
        settings["Datasets:Import:Http:Stall"] = "00:00:02";

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, settings, TimeSpan.FromSeconds(90),
            "import", new Uri(server.BaseAddress, "/stall.jsonl").ToString(), "--json");

        Assert.True(code == 1, output);
        Assert.Contains("sent nothing for 2 s", output);
        await using var db = TestData.Open(_database);
        var integration = await db.Integrations.SingleAsync();
        Assert.Equal(IntegrationStatus.Failed, integration.Status);
        Assert.Equal(0, await db.Examples.CountAsync());
    }

    [Fact]
    public async Task A_real_SIGINT_ends_an_import_with_its_integration_marked_failed_cancelled()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapGet("/stall.jsonl", Stall));
        using var import = ServiceProcess.Start(AdminTool, Settings, "import", new Uri(server.BaseAddress, "/stall.jsonl").ToString(), "--json");
        await Eventually.Until(async () =>
        {
            await using var db = TestData.Open(_database);
            return await db.Integrations.AnyAsync(i => i.Status == IntegrationStatus.Running);
        }, TimeSpan.FromSeconds(60), "the import to start");

        ProcessSignals.Send(import.ProcessId, ProcessSignals.Interrupt);

        var code = await import.ExitedAsync(TimeSpan.FromSeconds(45));
        Assert.True(code != 0, import.Output);
        Assert.DoesNotContain("   at ", import.Output);
        await using var check = TestData.Open(_database);
        var integration = await check.Integrations.SingleAsync();
        Assert.Equal(IntegrationStatus.Failed, integration.Status);
        Assert.StartsWith("cancelled", integration.Error);
    }

    [Fact]
    public async Task An_import_killed_with_SIGKILL_is_marked_failed_by_the_next_import()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapGet("/stall.jsonl", Stall));
        using (var import = ServiceProcess.Start(AdminTool, Settings, "import", new Uri(server.BaseAddress, "/stall.jsonl").ToString(), "--json"))
        {
            await Eventually.Until(async () =>
            {
                await using var db = TestData.Open(_database);
                return await db.Integrations.AnyAsync(i => i.Status == IntegrationStatus.Running);
            }, TimeSpan.FromSeconds(60), "the import to start");
            import.Kill();
        }

        var file = Path.Combine(_root, "rows.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 5).Select(i => ContributionFixture.Row(i)));
        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(90), "import", file, "--json");

        Assert.True(code == 0, output);
        await using var check = TestData.Open(_database);
        var statuses = await check.Integrations.OrderBy(i => i.StartedAt).Select(i => new { i.Status, i.Error }).ToListAsync();
        Assert.Equal([IntegrationStatus.Failed, IntegrationStatus.Committed], statuses.Select(s => s.Status));
        Assert.Contains("abandoned", statuses[0].Error);
    }

    [Fact]
    public async Task Gzip_served_with_content_encoding_or_forced_as_jsonl_is_imported_not_committed_empty()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 4).Select(i => ContributionFixture.Row(i))) + "\n";
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(rows));
        }

        var bytes = compressed.ToArray();
        await File.WriteAllBytesAsync(Path.Combine(_root, "rows.bin"), bytes);
        await using var server = await LocalHttpServer.StartAsync(app => app.MapGet("/rows.jsonl", async (HttpContext c) =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            await c.Response.Body.WriteAsync(bytes);
        }));

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(90),
            "import", new Uri(server.BaseAddress, "/rows.jsonl").ToString(), "--json");
        Assert.True(code == 0, output);
        Assert.Contains("\"accepted\": 4", output);

        (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(90),
            "import", Path.Combine(_root, "rows.bin"), "--format", "jsonl", "--model", "other", "--json");
        Assert.True(code == 0, output);
        Assert.Contains("\"accepted\": 4", output);
    }

    [Fact]
    public async Task A_schema_outside_the_import_roots_is_refused_and_a_bad_schema_is_not_echoed()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"h18-secret-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(outside, "SECRET-CONTENT");
        try
        {
            var file = Path.Combine(_root, "rows.jsonl");
            await File.WriteAllLinesAsync(file, [ContributionFixture.Row(1)]);
            var (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), "import", file, "--schema", outside);
            Assert.True(code != 0, output);
            Assert.Contains("outside_import_roots", output);

            var inside = Path.Combine(_root, "schema.json");
            await File.WriteAllTextAsync(inside, "SECRET-CONTENT");
            (code, output) = await ServiceProcess.RunAsync(AdminTool, Settings, TimeSpan.FromSeconds(60), "import", file, "--schema", inside);
            Assert.True(code != 0, output);
            Assert.Contains("schema_invalid", output);
            Assert.DoesNotContain("'S'", output);
            Assert.DoesNotContain("SECRET", output);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    /// <summary>Headers and one row, then nothing until the client gives up.</summary>
    private static async Task Stall(HttpContext context)
    {
        context.Response.ContentType = "application/x-ndjson";
        await context.Response.WriteAsync(ContributionFixture.Row(1) + "\n");
        await context.Response.Body.FlushAsync();
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // the client went away
        }
    }
}
