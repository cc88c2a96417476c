using System.Text.Json;
using Sessions.Datasets;
using Sessions.Storage.Entities;
using Sessions.Contributions;
using Spectre.Console;

namespace Sessions.Admin.Contributions;

/// <summary>The end of an import: a summary table (or JSON), and for a failure the error and what to do about it.</summary>
public static class ImportSummary
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(IntegrationReport report, TimeSpan elapsed, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                integrationId = report.IntegrationId, status = report.Status, error = report.Error, dryRun = report.DryRun, alreadyFinished = report.AlreadyFinished,
                rowsRead = report.RowsRead, accepted = report.Accepted, rejected = report.Rejected, duplicatesInFile = report.DuplicatesInFile,
                duplicatesExisting = report.DuplicatesExisting, rejectedByCode = report.RejectedByCode, bytesRead = report.BytesRead, embeddingsPending = report.EmbeddingsPending,
                seconds = Math.Round(elapsed.TotalSeconds, 3), rejections = report.Rejections.Take(100),
            }, Json));
            return;
        }

        var table = new Table().AddColumns("", "");
        table.AddRow("integration id", report.IntegrationId.ToString());
        table.AddRow("status", Markup.Escape(report.DryRun && report.Error is null ? "dry run: nothing stored" : report.Status));
        table.AddRow("rows read", $"{report.RowsRead:N0}");
        table.AddRow("accepted", $"{report.Accepted:N0}");
        table.AddRow("rejected", $"{report.Rejected:N0}");
        foreach (var (code, count) in report.RejectedByCode.OrderByDescending(c => c.Value))
        {
            table.AddRow($"  {Markup.Escape(code)}", $"{count:N0}");
        }

        table.AddRow("duplicates within the file", $"{report.DuplicatesInFile:N0}");
        table.AddRow("duplicates of existing examples", $"{report.DuplicatesExisting:N0}");
        if (report.EmbeddingsPending > 0)
            table.AddRow("wait for embeddings", $"{report.EmbeddingsPending:N0} (the trainer's backfill embeds them; progress in sessions-admin status)");
        var megabytes = report.BytesRead / 1_048_576.0;
        table.AddRow("read", $"{megabytes:N1} MB in {elapsed.TotalSeconds:N1} s ({megabytes / Math.Max(elapsed.TotalSeconds, 0.001):N1} MB/s)");
        AnsiConsole.Write(table);
        foreach (var r in report.Rejections.Take(20))
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]{r.Source}:{r.RowNumber} {r.Code}: {r.Detail}[/]");
        }

        if (report.AlreadyFinished) Console.WriteLine($"integration {report.IntegrationId} had already finished as {report.Status}; nothing was done again");
    }

    /// <summary>The error, that nothing was stored, and the fix for the common cases.</summary>
    public static string Failure(IntegrationReport report)
    {
        var code = report.Error?.Split(':', 2)[0] ?? "";
        var fix = code switch
        {
            ImportErrorCodes.SourceNotFound => "check the path (relative paths resolve against the current folder) and that the file is under an import root",
            ImportErrorCodes.OutsideImportRoots => "copy the file under an import root (default data/imports) or add its folder to Datasets__Import__ImportRoots__0",
            ImportErrorCodes.JsonArrayNotClosed or ImportErrorCodes.JsonArrayMalformed => "the file is truncated or broken; re-export it (or convert it to JSON Lines) and import again",
            ImportErrorCodes.DirectoryWithoutGlob => "name the files with a pattern, e.g. data/imports/batch/*.jsonl",
            ImportErrorCodes.UnsupportedFormat => "use --format jsonl, json, csv or parquet",
            ImportErrorCodes.ParquetInvalid => "the file is not Parquet or is truncated; re-export it and import again",
            ImportErrorCodes.ParquetColumns => "the Parquet file needs 'messages' (list of {role, content}) or 'prompt' and 'completion' string columns",
            ImportErrorCodes.SchemaInvalid => "fix the JSON Schema named above (draft 2020-12; $ref only within the file)",
            ImportErrorCodes.CsvHeader => "the CSV needs a header naming the mapped columns (Datasets__Import__Csv__*)",
            "invalid_request" => "see sessions-admin import --help",
            _ => "fix the file or the option named above and import again",
        };
        var stored = report.DryRun ? "dry run: nothing was stored" : $"nothing was stored (all or nothing); integration {report.IntegrationId} is recorded as {IntegrationStatus.Failed}";
        return $"import failed: {report.Error}\n{stored}\nfix: {fix}";
    }
}
