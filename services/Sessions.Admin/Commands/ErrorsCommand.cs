using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client.Exceptions;
using Sessions.Admin.ErrorQueues;
using Sessions.ServiceDefaults;
using Spectre.Console;

namespace Sessions.Admin.Commands;

public static class ErrorsCommand
{
    public static Command Create()
    {
        var queues = new Option<string[]>("--queue") { Description = "Queue(s) whose error queue to look at (default: the pipeline's)", AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var list = new Command("errors", "Count the messages in the pipeline's error queues (<queue>_error); `errors requeue` moves them back.")
        {
            queues, json,
        };
        list.SetAction(async (parse, ct) => await RunAsync(async mover =>
        {
            var counts = await mover.CountAsync(parse.GetValue(queues) is { Length: > 0 } q ? q : ErrorQueueMover.PipelineQueues, ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(counts, JsonSerializerOptions.Web));
            }
            else
            {
                var table = new Table().AddColumns("queue", "error queue", "messages");
                counts.ForEach(c => table.AddRow(c.Queue, c.ErrorQueue, c.Messages?.ToString() ?? "[grey](none)[/]"));
                AnsiConsole.Write(table);
            }

            return AdminHost.Ok;
        }));

        var queue = new Option<string>("--queue") { Description = "The queue whose error queue to empty into it", Required = true };
        var max = new Option<int>("--max") { Description = "Move at most this many messages", DefaultValueFactory = _ => int.MaxValue };
        var requeue = new Command("requeue", "Move messages from <queue>_error back to <queue> for reprocessing (each acknowledged only after the broker confirmed it back).")
        {
            queue, max,
        };
        requeue.SetAction(async (parse, ct) => await RunAsync(async mover =>
        {
            var name = parse.GetValue(queue)!;
            var moved = await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"{name}_error → {name}", maxValue: double.MaxValue);
                return await mover.RequeueAsync(name, parse.GetValue(max), new Progress<int>(n => task.Description = $"{name}_error → {name}: {n} moved"), ct);
            });
            Console.WriteLine($"{moved} message(s) moved from {name}_error back to {name}");
            return AdminHost.Ok;
        }));
        list.Subcommands.Add(requeue);
        return list;
    }

    private static async Task<int> RunAsync(Func<ErrorQueueMover, Task<int>> action)
    {
        var configuration = AdminHost.CreateBuilder().Configuration;
        var rabbit = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>()?.RabbitMq ?? new RabbitMqOptions();
        try
        {
            return await action(new ErrorQueueMover(rabbit));
        }
        catch (ErrorQueueException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return AdminHost.Unreachable;
        }
        catch (OperationInterruptedException ex)
        {
            await Console.Error.WriteLineAsync($"RabbitMQ refused: {ex.ShutdownReason?.ReplyText ?? ex.Message} (does the queue exist in virtual host '{rabbit.VirtualHost}'?)");
            return AdminHost.Refused;
        }
    }
}
