using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Storage;
using Spectre.Console;

namespace Sessions.Admin.Commands;

public static class RunsCommand
{
    public static Command Create()
    {
        var model = ModelOption.CreateOptional("Only this model");
        var limit = new Option<int>("--limit") { Description = "How many, newest first", DefaultValueFactory = _ => 20 };
        var decisions = new Option<bool>("--decisions") { Description = "Also show the latest trigger decisions (why a run did or did not start)" };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("runs", "List training runs with their status, metrics and errors.") { model, limit, decisions, json };
        command.SetAction(async (parse, ct) =>
        {
            using var host = AdminHost.BuildStorageHost();
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContextAsync(ct);
            var name = parse.GetValue(model);
            var take = Math.Clamp(parse.GetValue(limit), 1, 10_000);
            try
            {
                var runs = await db.TrainingRuns.AsNoTracking().Where(r => name == null || r.ModelName == name)
                    .OrderByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct);
                var latest = parse.GetValue(decisions)
                    ? await db.TrainingDecisions.AsNoTracking().Where(d => name == null || d.ModelName == name).OrderByDescending(d => d.Id).Take(take).ToListAsync(ct)
                    : [];
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(new { runs, decisions = latest }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
                    return AdminHost.Ok;
                }

                var table = new Table().AddColumn(new TableColumn("run").NoWrap()) // the id's first 8 digits (whole in --json): a whole id wraps
                    .AddColumns("model", "type", "trigger", "status", "version", "promoted", "examples", "metrics / error");
                foreach (var r in runs)
                {
                    // Every stored string is data: escaped, or one '[' in a model name breaks the table for everyone.
                    table.AddRow(r.Id.ToString()[..8], Markup.Escape(r.ModelName), Markup.Escape(r.Type), Markup.Escape(r.Trigger), Markup.Escape(r.Status),
                        Markup.Escape(r.ModelVersion ?? ""), r.Promoted ? "yes" : "", r.ExampleCount.ToString(),
                        Markup.Escape(r.Error ?? r.MetricsJson ?? ""));
                }

                AnsiConsole.Write(table);
                foreach (var d in latest)
                {
                    AnsiConsole.MarkupLineInterpolated($"{d.At:u} {d.ModelName} {d.Trigger}: {d.Decision} ({d.Reason}) {d.Detail}");
                }

                return AdminHost.Ok;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                await Console.Error.WriteLineAsync($"cannot read training runs: {ex.Message} — is the database migrated? (sessions-admin migrate)");
                return AdminHost.Failed;
            }
        });
        return command;
    }
}
