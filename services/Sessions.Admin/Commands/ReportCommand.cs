using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Admin.Reporting;
using Sessions.Storage;

namespace Sessions.Admin.Commands;

public static class ReportCommand
{
    public static Command Create()
    {
        var model = ModelOption.Create("Model name");
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for quality-<model>.json and quality-<model>.html", DefaultValueFactory = _ => new DirectoryInfo("reports") };
        var json = new Option<bool>("--json") { Description = "Also print the JSON report to standard output" };
        var command = new Command("report", "Write a model's data-quality report: JSON plus a self-contained HTML page with charts (lengths, rejection reasons, quality scores, duplicates over time).")
        {
            model, output, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = AdminHost.BuildStorageHost();
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContextAsync(ct);
            var name = parse.GetValue(model)!;
            try
            {
                var report = await QualityReport.LoadAsync(db, name, DateTime.UtcNow, ct);
                if (report.ExamplesAccepted + report.ExamplesRejected + report.ExamplesPending + report.SessionsRejected == 0)
                {
                    await Console.Error.WriteLineAsync($"no data for model '{name}' (check --model; `sessions-admin status` lists the models)");
                    return AdminHost.Refused;
                }

                var folder = parse.GetValue(output)!;
                folder.Create();
                var serialized = JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
                var safe = ArtifactFolder.Name(name);
                var jsonPath = ContainedPath.Combine(folder.FullName, $"quality-{safe}.json");
                var htmlPath = ContainedPath.Combine(folder.FullName, $"quality-{safe}.html");
                await File.WriteAllTextAsync(jsonPath, serialized, ct);
                await File.WriteAllTextAsync(htmlPath, QualityReportPage.Render(report), ct);
                if (parse.GetValue(json))
                {
                    Console.WriteLine(serialized);
                }

                await Console.Error.WriteLineAsync($"wrote {jsonPath} and {htmlPath}");
                return AdminHost.Ok;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"cannot write the report: {ex.Message}");
                return AdminHost.Failed;
            }
        });
        return command;
    }
}
