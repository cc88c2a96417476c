using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Contributions.Backfill;

namespace Sessions.Admin.Commands;

public static class BackfillCommand
{
    public static Command Create()
    {
        var encoderOnly = new Option<bool>("--encoder-only") { Description = "Embed the waiting rows but store nothing: the encoder's own pace on this data (the backfill's ceiling)" };
        var limit = new Option<long>("--limit") { Description = "Stop after about this many examples (whole batches)", DefaultValueFactory = _ => long.MaxValue };
        var command = new Command("backfill",
            "Embed contributed rows that wait for their embeddings, in this process, until none wait (the trainer's worker does the same in the background; running both is safe).")
        {
            encoderOnly, limit,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = ImportCommand.BuildHost();
            if (await DatabaseReady.EnsureAsync(host.Services, ct) is { } unreachable)
            {
                await Console.Error.WriteLineAsync($"cannot backfill: {unreachable}");
                return AdminHost.Failed;
            }

            var backfill = host.Services.GetRequiredService<EmbeddingBackfill>();
            var clock = Stopwatch.StartNew();
            long examples = 0, sentences = 0;
            if (parse.GetValue(encoderOnly))
            {
                (examples, sentences) = await backfill.EncodeOnlyAsync(parse.GetValue(limit), ct);
            }
            else
            {
                while (examples < parse.GetValue(limit) && await backfill.RunOnceAsync(ct) is var pass && (pass.Embedded > 0 || pass.Contended))
                {
                    examples += pass.Embedded;
                    sentences += pass.Vectors;
                }
            }

            var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            Console.WriteLine($"{(parse.GetValue(encoderOnly) ? "encoded (nothing stored)" : "embedded")} {examples:N0} examples, {sentences:N0} sentences " +
                $"in {seconds:N1} s: {sentences / seconds:N1} sentences/s");
            return AdminHost.Ok;
        });
        return command;
    }
}
