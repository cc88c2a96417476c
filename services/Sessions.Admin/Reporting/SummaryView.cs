using System.Text.Json;
using Spectre.Console;

namespace Sessions.Admin.Reporting;

/// <summary>Renders a <see cref="PipelineSummary"/> for a person at a terminal.</summary>
public static class SummaryView
{
    /// <summary>Every line of the file is in exactly one row: accepted, rejected (stored or not), duplicate, failed or unreadable.</summary>
    public static void Write(IAnsiConsole console, PipelineSummary summary, int malformedLines, int rejectedWithoutId, IngestionCounts? counts = null)
    {
        counts ??= new IngestionCounts(0, 0, 0);
        var sessions = new Table().Title("Sessions").AddColumns("outcome", "count");
        sessions.AddRow("accepted", summary.SessionsAccepted.ToString());
        sessions.AddRow("rejected", (summary.SessionsRejected + rejectedWithoutId + counts.ConflictingDuplicates).ToString());
        foreach (var (code, count) in summary.SessionsRejectedByReason)
        {
            sessions.AddRow(Markup.Escape($"  rejected: {code}"), count.ToString());
        }

        if (rejectedWithoutId > 0)
        {
            sessions.AddRow("  rejected: missing or invalid session id (not stored)", rejectedWithoutId.ToString());
        }

        if (counts.ConflictingDuplicates > 0)
        {
            sessions.AddRow("  rejected: duplicate_session_id (another session in the file has this id; not sent)", counts.ConflictingDuplicates.ToString());
        }

        if (counts.IdenticalRepeats > 0)
        {
            sessions.AddRow("identical repeats of a session (sent once)", counts.IdenticalRepeats.ToString());
        }

        if (counts.Failed > 0)
        {
            sessions.AddRow("[red]failed[/] (processing faulted, e.g. a required source; see sessions-admin errors)", counts.Failed.ToString());
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
            data.AddRow(Markup.Escape($"  rejected: {code}"), count.ToString());
        }

        // No row for augmented copies: they belong to training runs now (each run's metrics show augmented_copies).

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
            runs.AddRow(run.Id.ToString()[..8], Markup.Escape(run.ModelName), Markup.Escape(run.Trigger), Markup.Escape(run.Status), Markup.Escape(run.ModelVersion ?? ""),
                run.ExampleCount.ToString());
        }

        console.Write(runs);
        foreach (var run in summary.Runs)
        {
            var metrics = run.MetricsJson is null
                ? ""
                : string.Join("  ", (JsonSerializer.Deserialize<Dictionary<string, double>>(run.MetricsJson) ?? []).Select(m => $"{m.Key}={m.Value}"));
            if (run.Error is null)
            {
                console.MarkupLineInterpolated($"  {run.Id}: {metrics}");
            }
            else
            {
                console.MarkupLineInterpolated($"  {run.Id}: [red]{run.Error}[/]");
            }
        }
    }
}
