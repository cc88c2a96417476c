using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Admin.Contributions;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Contributions;
using Spectre.Console;

namespace Sessions.Admin.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A file, a directory glob (data/imports/*.jsonl), a file:// URI or an http(s):// URL" };
        var model = ModelOption.Create("Model name");
        var format = new Option<string?>("--format") { Description = "jsonl | json | csv | parquet (default: from the file extension)" };
        var merge = new Option<string>("--merge") { Description = "append | interleave | weighted: where the rows go in the training order", DefaultValueFactory = _ => MergeStrategy.Append };
        var weight = new Option<double?>("--weight") { Description = "For --merge weighted: the probability of taking a contributed example next, in (0, 1)" };
        var dedupe = new Option<bool>("--dedupe") { Description = "Also refuse near duplicates (MinHash/LSH, as the validator); exact duplicates are always refused" };
        var shuffle = new Option<bool>("--shuffle") { Description = "Shuffle the rows (seeded, bounded buffer)" };
        var seed = new Option<int>("--seed") { Description = "Seed of --shuffle and of the weighted merge", DefaultValueFactory = _ => 42 };
        var schema = new Option<string?>("--schema") { Description = "A JSON Schema file for the rows instead of the shipped one" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read, check and dedupe everything, then roll back: nothing is stored" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON (no progress display)" };
        var requestedBy = new Option<string>("--requested-by") { Description = "Who asked (recorded)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("import", "Import a contributed data set (JSON Lines, JSON array, CSV, Parquet) into a model's examples, all or nothing.")
        {
            source, model, format, merge, weight, dedupe, shuffle, seed, schema, dryRun, json, requestedBy,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = new IntegrationRequest(Guid.NewGuid(), parse.GetValue(model)!, parse.GetValue(source)!, parse.GetValue(format),
                parse.GetValue(merge)!, parse.GetValue(weight), parse.GetValue(dedupe), parse.GetValue(shuffle) ? parse.GetValue(seed) : null,
                parse.GetValue(schema), parse.GetValue(dryRun), parse.GetValue(requestedBy)!);
            if (request.Problem() is { } problem)
            {
                await Console.Error.WriteLineAsync($"{problem} (see sessions-admin import --help)");
                return AdminHost.Failed;
            }

            using var host = BuildHost();
            if (await DatabaseReady.EnsureAsync(host.Services, ct) is { } unreachable)
            {
                await Console.Error.WriteLineAsync($"cannot import: {unreachable}");
                return AdminHost.Failed;
            }

            var integration = host.Services.GetRequiredService<ContributedDataIntegration>();
            var clock = Stopwatch.StartNew();
            IntegrationReport report;
            try
            {
                report = parse.GetValue(json) || Console.IsOutputRedirected
                    ? await integration.IntegrateAsync(request, ct: ct)
                    : await ImportProgress.RunAsync(integration, request, ct);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                await Console.Error.WriteLineAsync($"cannot import: {ex.GetBaseException().Message} — is the database reachable and migrated? (sessions-admin migrate)");
                return AdminHost.Failed;
            }

            ImportSummary.Write(report, clock.Elapsed, parse.GetValue(json));
            if (report.Succeeded || report is { AlreadyFinished: true, Status: IntegrationStatus.Committed }) return AdminHost.Ok;
            await Console.Error.WriteLineAsync(ImportSummary.Failure(report));
            return AdminHost.Failed;
        });
        return command;
    }

    internal static Microsoft.Extensions.Hosting.IHost BuildHost()
    {
        var builder = AdminHost.CreateBuilder();
        builder.Services.AddSessionsStorage(builder.Configuration);
        builder.Services.AddContributionServices(builder.Configuration);
        return builder.Build();
    }
}
