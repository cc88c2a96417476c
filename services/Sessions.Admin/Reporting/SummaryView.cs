using System.Text.Json;
using Spectre.Console;

namespace Sessions.Admin.Reporting;

/// <summary>Renders a <see cref="PipelineSummary"/> for a person at a terminal.</summary>
public static class SummaryView
{
    public static void Write(IAnsiConsole console, PipelineSummary summary, int malformedLines, int rejectedWithoutId)
    {
        var sessions = new Table().Title("Sessions").AddColumns("outcome", "count");
        sessions.AddRow("accepted", summary.SessionsAccepted.ToString());
        sessions.AddRow("rejected", (summary.SessionsRejected + rejectedWithoutId).ToString());
        foreach (var (code, count) in summary.SessionsRejectedByReason)
        {
            sessions.AddRow($"  rejected: {code}", count.ToString());
        }

        if (rejectedWithoutId > 0)
        {
            sessions.AddRow("  rejected: missing or invalid session id (not stored)", rejectedWithoutId.ToString());
        }

        if (malformedLines > 0)
        {
            sessions.AddRow("unreadable lines (malformed JSON, not sent)", malformedLines.ToString());
        }

        var data = new Table().Title("Training data").AddColumns("what", "count");
        data.AddRow("embeddings stored", summary.EmbeddingsStored.ToString());
        data.AddRow("fine-tuning examples cut from sessions", summary.ExamplesStored.ToString());
        data.AddRow("examples accepted by validation", summary.ExamplesAccepted.ToString());
        data.AddRow("examples rejected by validation", summary.ExamplesRejected.ToString());
        foreach (var (code, count) in summary.ExamplesRejectedByReason)
        {
            data.AddRow($"  rejected: {code}", count.ToString());
        }

        data.AddRow("augmented copies of accepted examples (EDA)", summary.AugmentedCopies.ToString());

        console.Write(sessions);
        console.Write(data);

        if (summary.Runs.Count == 0)
        {
            var why = summary.SkippedDecisions.FirstOrDefault();
            console.MarkupLineInterpolated($"[yellow]No training run started[/]{(why is null ? "" : $": {why.Reason} ({why.Detail})")}");
            return;
        }

        var runs = new Table().Title("Training runs")
            .AddColumn(new TableColumn("run").NoWrap()) // the id's first 8 digits: a whole id wraps; the lines below give it whole
            .AddColumns("model", "trigger", "status", "version", "examples");
        foreach (var run in summary.Runs)
        {
            runs.AddRow(run.Id.ToString()[..8], run.ModelName, run.Trigger, run.Status, run.ModelVersion ?? "", run.ExampleCount.ToString());
        }

        console.Write(runs);
        foreach (var run in summary.Runs)
        {
            var metrics = run.MetricsJson is null
                ? ""
                : string.Join("  ", (JsonSerializer.Deserialize<Dictionary<string, double>>(run.MetricsJson) ?? []).Select(m => $"{m.Key}={m.Value}"));
            console.MarkupLineInterpolated($"  {run.Id}: {(run.Error is null ? metrics : "[red]" + run.Error + "[/]")}");
        }
    }
}
