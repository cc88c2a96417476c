using System.CommandLine;
using System.Text.Json;
using Sessions.Admin.Errors;
using Spectre.Console;

namespace Sessions.Admin.Commands;

/// <summary><c>errors</c> lists MassTransit's error queues; <c>errors requeue</c> moves their messages back for reprocessing.</summary>
public static class ErrorsCommand
{
    /// <summary>The pipeline's receive endpoints (kebab-case consumer names), listed when no --queue is given.</summary>
    public static readonly string[] PipelineQueues = ["session-ended", "session-processed", "examples-validated", "train-model"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var queues = new Option<string[]>("--queue") { Description = "Queue whose <queue>_error to show (repeatable; default: every pipeline queue)" };
        var first = new Option<int>("--first") { Description = "How many of the first messages to show per queue", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("errors", "List the error queues: message counts and the first messages with the fault MassTransit recorded.")
        {
            queues, first, json, CreateRequeue(),
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var errors = await ErrorQueueConnection.OpenAsync(ct);
            if (errors is null)
            {
                return AdminHost.Unreachable;
            }

            var names = parse.GetValue(queues) is { Length: > 0 } chosen ? chosen : PipelineQueues;
            var summaries = new List<ErrorQueueSummary>();
            foreach (var name in names)
            {
                summaries.Add(await errors.SummarizeAsync(name, parse.GetValue(first), ct));
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(summaries, Json));
                return AdminHost.Ok;
            }

            var table = new Table().AddColumns("error queue", "messages", "first faults");
            foreach (var s in summaries)
            {
                var faults = s.Exists ? string.Join('\n', s.First.Select(m => $"{m.ExceptionType}: {m.Reason}")) : "(not created yet)";
                table.AddRow(Markup.Escape(s.ErrorQueue), s.Messages.ToString(), Markup.Escape(faults));
            }

            AnsiConsole.Write(table);
            return AdminHost.Ok;
        });
        return command;
    }

    private static Command CreateRequeue()
    {
        var queue = new Option<string>("--queue") { Description = "Queue to move <queue>_error back into", Required = true };
        var max = new Option<int>("--max") { Description = "Move at most this many", DefaultValueFactory = _ => int.MaxValue };
        var command = new Command("requeue", "Move messages from <queue>_error back to <queue>, fault headers stripped; each is acknowledged only after the broker confirmed its copy.")
        {
            queue, max,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var errors = await ErrorQueueConnection.OpenAsync(ct);
            if (errors is null)
            {
                return AdminHost.Unreachable;
            }

            var name = parse.GetValue(queue)!;
            try
            {
                var moved = await errors.RequeueAsync(name, parse.GetValue(max), ct);
                Console.WriteLine($"moved {moved} message(s) from {ErrorQueue.ErrorQueueOf(name)} back to {name}");
                return AdminHost.Ok;
            }
            catch (InvalidOperationException ex)
            {
                await Console.Error.WriteLineAsync($"cannot requeue: {ex.Message}");
                return AdminHost.Failed;
            }
        });
        return command;
    }
}
