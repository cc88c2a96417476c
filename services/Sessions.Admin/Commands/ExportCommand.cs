using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Trainer;
using Sessions.Trainer.Runs;
using Spectre.Console;

namespace Sessions.Admin.Commands;

public static class ExportCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model name", DefaultValueFactory = _ => "default" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The JSON Lines file to write", Required = true };
        var status = new Option<string>("--status") { Description = "accepted | rejected | all", DefaultValueFactory = _ => ExampleStatus.Accepted };
        var order = new Option<string?>("--order")
        {
            Description = $"{TrainingOrderName}: as the trainer trains on them, contributed data merged by its strategy (default for accepted) | {IdOrderName}: as stored (default otherwise)",
        };
        var command = new Command("export", "Write a model's examples as chat-format JSON Lines ({\"messages\": [...]}, the format fine-tuning tools read); rejected ones carry their reasons.")
        {
            model, output, status, order,
        };
        command.SetAction(async (parse, ct) =>
        {
            var wanted = parse.GetValue(status)!;
            if (wanted is not (ExampleStatus.Accepted or ExampleStatus.Rejected or "all"))
            {
                await Console.Error.WriteLineAsync($"--status must be accepted, rejected or all, not '{wanted}'");
                return AdminHost.Failed;
            }

            var ordering = parse.GetValue(order) ?? (wanted == ExampleStatus.Accepted ? TrainingOrderName : IdOrderName);
            if (ordering is not (TrainingOrderName or IdOrderName) || (ordering == TrainingOrderName && wanted != ExampleStatus.Accepted))
            {
                await Console.Error.WriteLineAsync($"--order must be {TrainingOrderName} or {IdOrderName}, not '{ordering}'; the training order holds accepted examples only, so --status {wanted} takes --order {IdOrderName}");
                return AdminHost.Failed;
            }

            using var host = AdminHost.BuildStorageHost();
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContextAsync(ct);
            var name = parse.GetValue(model)!;
            var file = parse.GetValue(output)!;
            try
            {
                var query = db.Examples.AsNoTracking().Where(e => e.ModelName == name && (wanted == "all" || e.Status == wanted));
                var total = await query.CountAsync(ct);
                var written = 0;
                await using (var writer = new StreamWriter(file.FullName))
                {
                    await AnsiConsole.Progress().StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"exporting {name}", maxValue: Math.Max(1, total));
                        var rows = ordering == TrainingOrderName
                            ? InTrainingOrderAsync(db, host.Services.GetRequiredService<IConfiguration>(), name, ct)
                            : query.OrderBy(e => e.Id).Select(e => new ExportedRow(e.SessionId, e.MessagesJson, e.Status, e.RejectionReasonsJson)).AsAsyncEnumerable();
                        await foreach (var e in rows.WithCancellation(ct))
                        {
                            var reasons = e.RejectionReasonsJson is null ? "" : $",\"rejection_reasons\":{e.RejectionReasonsJson}";
                            await writer.WriteLineAsync($"{{\"messages\":{e.MessagesJson},\"session_id\":{System.Text.Json.JsonSerializer.Serialize(e.SessionId)},\"status\":\"{e.Status}\"{reasons}}}");
                            written++;
                            task.Increment(1);
                        }
                    });
                }

                Console.WriteLine($"wrote {written} {wanted} examples of {name} in {ordering} order to {file.FullName}");
                return written == 0 ? AdminHost.Refused : AdminHost.Ok;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"cannot export: {ex.Message}");
                return AdminHost.Failed;
            }
        });
        return command;
    }

    private const string TrainingOrderName = "training";
    private const string IdOrderName = "id";

    private sealed record ExportedRow(string SessionId, string MessagesJson, string Status, string? RejectionReasonsJson);

    /// <summary>The accepted examples in the order the trainer's next run would train on them (the same loader).</summary>
    private static async IAsyncEnumerable<ExportedRow> InTrainingOrderAsync(SessionsDbContext db, IConfiguration configuration, string model,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var options = configuration.GetSection(TrainerOptions.SectionName).Get<TrainerOptions>() ?? new TrainerOptions();
        var loader = new TrainingOrderLoader(db, options);
        var order = await loader.OrderAsync(model, await loader.SnapshotAsync(model, ct), ct);
        await foreach (var e in loader.ExamplesAsync(order, ct))
        {
            yield return new ExportedRow(e.SessionId, e.MessagesJson, ExampleStatus.Accepted, null);
        }
    }
}
