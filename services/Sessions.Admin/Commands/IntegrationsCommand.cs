using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Storage;
using Sessions.Contributions;
using Spectre.Console;

namespace Sessions.Admin.Commands;

public static class IntegrationsCommand
{
    public static Command Create()
    {
        var model = ModelOption.CreateOptional("Only this model");
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("integrations", "List contributed-data integrations (newest first) with their status and counts; 'integrations rollback ID' undoes one.")
        {
            model, json, Rollback(),
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = ImportCommand.BuildHost();
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContextAsync(ct);
            var name = parse.GetValue(model);
            try
            {
                var integrations = await db.Integrations.AsNoTracking().Where(i => name == null || i.ModelName == name).OrderByDescending(i => i.StartedAt).ToListAsync(ct);
                // Rows committed without vectors, still waiting for the embedding backfill (the trainer leaves them out until then).
                var waiting = await db.Examples.Where(e => e.EmbeddingsPending && e.IntegrationId != null)
                    .GroupBy(e => e.IntegrationId).Select(g => new { Id = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
                if (parse.GetValue(json))
                {
                    var web = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
                    var listed = new System.Text.Json.Nodes.JsonArray(integrations.Select(i =>
                    {
                        var node = JsonSerializer.SerializeToNode(i, web)!;
                        node["embeddingsPending"] = waiting.GetValueOrDefault(i.Id);
                        return (System.Text.Json.Nodes.JsonNode?)node;
                    }).ToArray());
                    Console.WriteLine(listed.ToJsonString(web));
                    return AdminHost.Ok;
                }

                var table = new Table().AddColumns("integration id", "model", "status", "merge", "read", "accepted", "rejected", "duplicates", "wait for embeddings", "started");
                foreach (var i in integrations)
                {
                    table.AddRow(i.Id.ToString(), Markup.Escape(i.ModelName), Markup.Escape(i.Status), Markup.Escape(i.Weight is { } w ? $"{i.MergeStrategy} {w}" : i.MergeStrategy),
                        $"{i.RowsRead:N0}", $"{i.Accepted:N0}", $"{i.Rejected:N0}", $"{i.DuplicatesInFile + i.DuplicatesExisting:N0}",
                        $"{waiting.GetValueOrDefault(i.Id):N0}", $"{i.StartedAt:u}");
                }

                AnsiConsole.Write(table);
                foreach (var i in integrations)
                {
                    AnsiConsole.MarkupLineInterpolated($"[grey]{i.Id}: {i.Source}{(i.Error is null ? "" : " — " + i.Error)}[/]");
                }

                return AdminHost.Ok;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                await Console.Error.WriteLineAsync($"cannot read integrations: {ex.Message} — is the database migrated? (sessions-admin migrate)");
                return AdminHost.Failed;
            }
        });
        return command;
    }

    private static Command Rollback()
    {
        var id = new Argument<Guid>("id") { Description = "The integration id (from 'sessions-admin integrations')" };
        var command = new Command("rollback", "Remove a committed integration's examples, embeddings and band rows in one transaction.") { id };
        command.SetAction(async (parse, ct) =>
        {
            using var host = ImportCommand.BuildHost();
            try
            {
                var outcome = await host.Services.GetRequiredService<IntegrationRollback>().RollBackAsync(parse.GetValue(id), ct);
                if (outcome.RolledBack)
                {
                    Console.WriteLine(outcome.Detail);
                    return AdminHost.Ok;
                }

                await Console.Error.WriteLineAsync(outcome.Detail);
                return AdminHost.Refused;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                await Console.Error.WriteLineAsync($"cannot roll back: {ex.Message} — is the database migrated? (sessions-admin migrate)");
                return AdminHost.Failed;
            }
        });
        return command;
    }
}
