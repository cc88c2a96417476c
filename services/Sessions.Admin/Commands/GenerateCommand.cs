using System.CommandLine;
using System.Text.Json;
using Sessions.Admin.Generation;
using Sessions.Admin.Ingest;

namespace Sessions.Admin.Commands;

public static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the JSON Lines (default: standard output)" };
        var sessions = new Option<int>("--sessions") { Description = "How many sessions", DefaultValueFactory = _ => 100 };
        var messages = new Option<int>("--messages") { Description = "Messages per session, system message included (10..1000)", DefaultValueFactory = _ => 20 };
        var invalid = new Option<double>("--invalid-fraction") { Description = "Share of sessions broken on purpose (each names its expected rejection code)", DefaultValueFactory = _ => 0.2 };
        var duplicate = new Option<double>("--duplicate-fraction") { Description = "Share that repeat an earlier session's messages under a new id" };
        var redeliver = new Option<double>("--redelivery-fraction") { Description = "Share that resend an earlier session with the same id" };
        var languages = new Option<string>("--languages") { Description = "Comma-separated: en, de, fr, es", DefaultValueFactory = _ => "en" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same options give the same file", DefaultValueFactory = _ => 42 };
        var model = ModelOption.Create("Model name the sessions are for");
        var prefix = new Option<string>("--id-prefix") { Description = "Session ids are <prefix>-0000000, ...", DefaultValueFactory = _ => "gen" };
        var command = new Command("generate", "Write seeded synthetic sessions as JSON Lines (for `ingest`, tests and load).")
        {
            output, sessions, messages, invalid, duplicate, redeliver, languages, seed, model, prefix,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new GenerationSettings
            {
                Sessions = parse.GetValue(sessions),
                Messages = parse.GetValue(messages),
                InvalidFraction = parse.GetValue(invalid),
                DuplicateFraction = parse.GetValue(duplicate),
                RedeliveryFraction = parse.GetValue(redeliver),
                Languages = parse.GetValue(languages)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Seed = parse.GetValue(seed),
                Model = parse.GetValue(model)!,
                IdPrefix = parse.GetValue(prefix)!,
            };
            if (settings.Problem() is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return AdminHost.Failed;
            }

            var file = parse.GetValue(output);
            await using var writer = file is null ? new StreamWriter(Console.OpenStandardOutput()) : new StreamWriter(file.FullName);
            var counts = new Dictionary<string, int>();
            foreach (var session in new SyntheticSessions(settings).Generate())
            {
                ct.ThrowIfCancellationRequested();
                await writer.WriteLineAsync(JsonSerializer.Serialize(session, SessionFile.Json));
                var expected = session.Metadata!.Properties!["expected"];
                counts[expected] = counts.GetValueOrDefault(expected) + 1;
            }

            await writer.FlushAsync(ct);
            await Console.Error.WriteLineAsync(
                $"wrote {settings.Sessions} sessions{(file is null ? "" : " to " + file.FullName)}: " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
            return AdminHost.Ok;
        });
        return command;
    }
}
