using Sessions.Contributions;
using Spectre.Console;

namespace Sessions.Admin.Contributions;

/// <summary>A live progress display while an import runs: rows and rows/s in the description, bytes read and MB/s in the columns.</summary>
public static class ImportProgress
{
    public static async Task<IntegrationReport> RunAsync(ContributedDataIntegration integration, IntegrationRequest request, CancellationToken ct)
    {
        var total = File.Exists(request.Source) ? new FileInfo(request.Source).Length : 0;
        var started = DateTime.UtcNow;
        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("importing", maxValue: Math.Max(total, 1));
                task.IsIndeterminate = total == 0;
                var progress = new Progress<IntegrationProgress>(p =>
                {
                    var seconds = Math.Max((DateTime.UtcNow - started).TotalSeconds, 0.001);
                    task.Description = $"importing: {p.RowsRead:N0} rows ({p.RowsRead / seconds:N0} rows/s), {p.Accepted:N0} accepted";
                    task.Value = total == 0 ? p.BytesRead : Math.Min(p.BytesRead, total);
                });
                var report = await integration.IntegrateAsync(request, progress, ct);
                task.Value = task.MaxValue;
                task.StopTask();
                return report;
            });
    }
}
