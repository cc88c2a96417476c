using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Admin.Status;
using Sessions.ServiceDefaults;
using Sessions.Storage;
using Spectre.Console;

namespace Sessions.Admin.Commands;

public static class StatusCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var timeout = new Option<double>("--timeout") { Description = "Seconds each source may take", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var command = new Command("status",
            "Ask the database, RabbitMQ (management API) and every service's /health at once; exit 0 when all answered, 1 when some did not.")
        {
            timeout, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var host = AdminHost.BuildStorageHost();
            var configuration = host.Services.GetRequiredService<IConfiguration>();
            var rabbit = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>()?.RabbitMq ?? new RabbitMqOptions();
            var managementPort = configuration.GetValue("Status:RabbitMqManagementPort", 15672);
            var services = configuration.GetSection("Status:Services").Get<Dictionary<string, Uri>>() ?? [];
            using var http = new HttpClient();

            var sources = new List<StatusSource>
            {
                StatusSources.Database(host.Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>()),
                StatusSources.RabbitMq(http, rabbit, managementPort),
            };
            sources.AddRange(services.Select(s => StatusSources.Health(http, s.Key, s.Value)));
            var report = await StatusGatherer.GatherAsync(sources, TimeSpan.FromSeconds(parse.GetValue(timeout)), ct);

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { quality = report.Quality, sources = report.Sources }, Json));
            }
            else
            {
                var table = new Table().AddColumns("source", "answered", "ms", "details");
                foreach (var s in report.Sources)
                {
                    table.AddRow(Markup.Escape(s.Name), s.Answered ? "[green]yes[/]" : "[red]no[/]", s.Milliseconds.ToString("0"),
                        Markup.Escape(s.Error ?? JsonSerializer.Serialize(s.Data, Json)));
                }

                AnsiConsole.Write(table);
                AnsiConsole.MarkupLineInterpolated($"status quality: {report.Sources.Count(s => s.Answered)}/{report.Sources.Count} sources answered ({report.Quality:P0})");
            }

            return report.Quality == 1 ? AdminHost.Ok : AdminHost.Failed;
        });
        return command;
    }
}
