using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Contributions.Merging;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Spectre.Console;

namespace Sessions.Admin.Commands;

public static class ExportCommand
{
    public static Command Create()
    {
        var model = ModelOption.Create("Model name");
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write", Required = true };
        var format = new Option<string>("--format")
        {
            Description = "jsonl | parquet (the Hugging Face chat layout: messages as a list of {role, content}, session_id, status, rejection_reasons)",
            DefaultValueFactory = _ => JsonLinesFormat,
        };
        var status = new Option<string>("--status") { Description = "accepted | rejected | all", DefaultValueFactory = _ => ExampleStatus.Accepted };
        var order = new Option<string?>("--order")
        {
            Description = $"{TrainingOrderName}: as the trainer trains on them, contributed data merged by its strategy (default for accepted) | {IdOrderName}: as stored (default otherwise)",
        };
        var command = new Command("export", "Write a model's examples in chat format ({\"messages\": [...]}) as JSON Lines or Parquet, the formats fine-tuning tools and data sets use; rejected ones carry their reasons.")
        {
            model, output, status, order, format,
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

            var fileFormat = parse.GetValue(format)!;
            if (fileFormat is not (JsonLinesFormat or ParquetFormat))
            {
                await Console.Error.WriteLineAsync($"--format must be {JsonLinesFormat} or {ParquetFormat}, not '{fileFormat}'");
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
                long written = 0;
                await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask(Markup.Escape($"exporting {name}"), maxValue: Math.Max(1, total));
                    var rows = ordering == TrainingOrderName
                        ? InTrainingOrderAsync(db, host.Services.GetRequiredService<IConfiguration>(), name, ct)
                        : query.OrderBy(e => e.Id).Select(e => new ExportedRow(e.SessionId, e.MessagesJson, e.Status, e.RejectionReasonsJson)).AsAsyncEnumerable();
                    written = fileFormat == ParquetFormat
                        ? await ExportedRows.WriteParquetAsync(rows, file.FullName, () => task.Increment(1), ct)
                        : await ExportedRows.WriteJsonLinesAsync(rows, file.FullName, () => task.Increment(1), ct);
                });

                Console.WriteLine($"wrote {written} {wanted} examples of {name} in {ordering} order to {file.FullName} ({fileFormat})");
                return written == 0 ? AdminHost.Refused : AdminHost.Ok;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"cannot export: {ex.Message}");
                return AdminHost.Failed;
            }
        });
        return command;
    }

    private const string TrainingOrderName = "training";
    private const string IdOrderName = "id";
    private const string JsonLinesFormat = "jsonl";
    private const string ParquetFormat = "parquet";

    /// <summary>The accepted examples in the order the trainer's next run would train on them (the same loader).</summary>
    private static async IAsyncEnumerable<ExportedRow> InTrainingOrderAsync(SessionsDbContext db, IConfiguration configuration, string model,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var loader = new TrainingOrderLoader(db, configuration.GetValue("Trainer:Seed", 42), embeddedOnly: false); // the trainer's default seed
        var order = await loader.OrderAsync(model, long.MaxValue, ct);
        await foreach (var e in loader.ExamplesAsync(order, ct))
        {
            yield return new ExportedRow(e.SessionId, e.MessagesJson, ExampleStatus.Accepted, null);
        }
    }
}
