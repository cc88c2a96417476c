using System.CommandLine;
using MassTransit;
using Sessions.Admin.Ingest;
using Spectre.Console;

namespace Sessions.Admin.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSON Lines file with one SessionEnded object per line" };
        var command = new Command("ingest", "Publish SessionEnded for every line of a JSON Lines file (backfills and load).") { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"no such file: {path.FullName}");
                return AdminHost.Failed;
            }

            using var host = await AdminHost.StartBusAsync(_ => { }, ct);
            if (host is null)
            {
                return AdminHost.Unreachable;
            }

            var bus = (IBus)host.Services.GetService(typeof(IBus))!;
            int published = 0, unreadable = 0;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var total = File.ReadLines(path.FullName).Count(l => !string.IsNullOrWhiteSpace(l));
                var task = progress.AddTask(Markup.Escape($"publishing {path.Name}"), maxValue: Math.Max(1, total));
                await foreach (var line in SessionFile.ReadAsync(path.FullName, ct))
                {
                    if (line.Session is null)
                    {
                        unreadable++;
                        await Console.Error.WriteLineAsync($"line {line.LineNumber}: {line.Error}");
                        task.Increment(1);
                        continue;
                    }

                    await bus.Publish(line.Session, ct);
                    published++;
                    task.Increment(1);
                }
            });

            await host.StopAsync(ct);
            Console.WriteLine($"published {published} sessions; {unreadable} unreadable lines");
            return unreadable == 0 ? AdminHost.Ok : AdminHost.Failed;
        });
        return command;
    }
}
