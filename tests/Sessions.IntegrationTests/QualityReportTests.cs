using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests;

/// <summary><c>sessions-admin report</c> over a database the pipeline filled, its HTML rendered by Debian's headless Chromium.</summary>
public sealed class QualityReportTests : IAsyncLifetime
{
    private static string AdminTool => RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");
    private readonly string _folder = Directory.CreateTempSubdirectory("sessions-report-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_report_counts_what_the_pipeline_decided_and_renders_its_charts_in_a_real_browser()
    {
        await using (var pipeline = await PipelineHarness.StartAsync(_database))
        {
            var first = Conversations.Valid("report-1", turns: 13);
            await pipeline.Harness.Bus.Publish(first);
            await pipeline.Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "report-1");
            await pipeline.Harness.Bus.Publish(first with { SessionId = "report-copy" }); // same texts: exact duplicates
            await pipeline.Harness.Bus.Publish(first with { SessionId = "report-short", Messages = first.Messages!.Take(4).ToList() });
            await pipeline.Harness.WaitForPublished<ExamplesValidated>(m => m.SessionId == "report-copy");
            await pipeline.Harness.WaitForPublished<SessionRejected>(m => m.SessionId == "report-short");
        }

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, _database.Settings, TimeSpan.FromSeconds(60), "report", "--model", "default", "--output", _folder);

        Assert.Equal(0, code);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "quality-default.json")))!;
        Assert.Equal(6, report["examplesAccepted"]!.GetValue<int>());
        Assert.Equal(6, report["examplesRejected"]!.GetValue<int>());
        Assert.Equal(6, report["examplesRejectedByReason"]!["duplicate_exact"]!.GetValue<int>());
        Assert.Equal(1, report["sessionsRejectedByReason"]!["too_few_messages"]!.GetValue<int>());

        var html = Path.Combine(_folder, "quality-default.html");
        var dom = await ChromiumAsync("--dump-dom", $"file://{html}");
        Assert.Contains("Data quality report: default", dom);
        foreach (var chart in new[] { "rejections", "session-rejections", "accepted-lengths", "rejected-lengths", "duplicates" })
        {
            Assert.Matches(new Regex($"<svg id=\"{chart}\"[^>]*>.*?<rect class=\"bar\"", RegexOptions.Singleline), dom);
        }

        var png = Path.Combine(_folder, "quality-default.png");
        var (renderCode, renderOutput) = await RunAsync(Path.Combine(RepositoryLayout.Root, "scripts/render-report.sh"), html, png);
        Assert.True(renderCode == 0, renderOutput);
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 20_000, $"{bytes.Length} bytes: too small for a page with six charts");
    }

    [Fact]
    public async Task A_model_without_data_is_named()
    {
        Assert.Equal(0, (await ServiceProcess.RunAsync(AdminTool, _database.Settings, TimeSpan.FromSeconds(60), "migrate")).ExitCode);

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, _database.Settings, TimeSpan.FromSeconds(60), "report", "--model", "nobody", "--output", _folder);

        Assert.Equal(3, code);
        Assert.Contains("no data for model 'nobody'", output);
    }

    private static async Task<string> ChromiumAsync(params string[] args)
    {
        var (code, output) = await RunAsync("chromium", ["--headless=new", "--no-sandbox", "--disable-gpu", .. args]);
        Assert.True(code == 0, output);
        return output;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
