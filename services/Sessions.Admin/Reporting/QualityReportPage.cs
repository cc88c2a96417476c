using System.Globalization;
using System.Net;
using System.Text;

namespace Sessions.Admin.Reporting;

/// <summary>
/// Renders a <see cref="QualityReport"/> as one self-contained HTML page: inline CSS and SVG bar charts, no script and
/// nothing fetched, so it opens anywhere (also from a mail attachment) and renders the same in a headless browser.
/// </summary>
public static class QualityReportPage
{
    private const int Width = 640;
    private const int BarHeight = 22;

    public static string Render(QualityReport r)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Data quality: {{E(r.Model)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1f24; max-width: 60rem; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
            .tiles { display: flex; flex-wrap: wrap; gap: .75rem; } .tile { border: 1px solid #d0d7de; border-radius: 6px; padding: .6rem 1rem; min-width: 8rem; }
            .tile b { display: block; font-size: 1.4rem; } svg text { font-size: 12px; fill: #1b1f24; } .empty { color: #57606a; font-style: italic; }
            </style></head><body>
            <h1>Data quality report: {{E(r.Model)}}</h1>
            <p>Generated {{r.GeneratedAt.ToString("u", CultureInfo.InvariantCulture)}} by <code>sessions-admin report</code>.</p>
            <h2>Counts</h2><div class="tiles" id="counts">
            """);
        Tile(html, "sessions accepted", r.SessionsAccepted);
        Tile(html, "sessions rejected", r.SessionsRejected);
        Tile(html, "examples accepted", r.ExamplesAccepted);
        Tile(html, "examples rejected", r.ExamplesRejected);
        Tile(html, "examples augmented", r.ExamplesAugmented);
        Tile(html, "examples contributed", r.ExamplesContributed);
        Tile(html, "examples pending", r.ExamplesPending);
        html.Append($"<div class=\"tile\">mean quality score<b>{(r.MeanQualityScore is { } q ? q.ToString("F3", CultureInfo.InvariantCulture) : "–")}</b></div></div>");

        Section(html, "rejections", "Why examples were rejected", r.ExamplesRejectedByReason.Select(p => (p.Key, p.Value)).ToList(), "#cf222e");
        Section(html, "flags", "What accepted examples were flagged for", r.ExamplesFlaggedByReason.Select(p => (p.Key, p.Value)).ToList(), "#9a6700");
        Section(html, "copies", "Augmented copies of the latest training run, by method", r.CopiesByMethod.Select(p => (p.Key, p.Value)).ToList(), "#1a7f37");
        Section(html, "copy-rejections", "Augmented copies refused (and parents without copies), by reason", r.CopiesRejectedByReason.Select(p => (p.Key, p.Value)).ToList(), "#cf222e");
        Section(html, "session-rejections", "Why sessions were rejected", r.SessionsRejectedByReason.Select(p => (p.Key, p.Value)).ToList(), "#bc4c00");
        Section(html, "accepted-lengths", "Length of accepted examples (tokens)", Buckets(r.AcceptedTokens), "#1a7f37");
        Section(html, "rejected-lengths", "Length of rejected examples (tokens)", Buckets(r.RejectedTokens), "#cf222e");
        Section(html, "quality-scores", "Quality scores", Buckets(r.QualityScores), "#0969da");
        Section(html, "duplicates", "Duplicates over time (exact + near, per day validated)",
            r.DuplicatesByDay.Select(d => (d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $" of {d.Validated}", d.ExactDuplicates + d.NearDuplicates)).ToList(), "#8250df");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Tile(StringBuilder html, string label, int value) =>
        html.Append($"<div class=\"tile\">{E(label)}<b>{value.ToString(CultureInfo.InvariantCulture)}</b></div>");

    private static List<(string, int)> Buckets(Histogram h) =>
        h.Bounds.Select((b, i) => (i + 1 < h.Bounds.Count
            ? $"{b.ToString(CultureInfo.InvariantCulture)}–{h.Bounds[i + 1].ToString(CultureInfo.InvariantCulture)}"
            : $"≥ {b.ToString(CultureInfo.InvariantCulture)}", h.Counts[i])).ToList();

    /// <summary>A horizontal bar chart: one labelled bar per row, scaled to the largest value.</summary>
    private static void Section(StringBuilder html, string id, string title, IReadOnlyList<(string Label, int Value)> rows, string color)
    {
        html.Append($"<h2>{E(title)}</h2>");
        if (rows.Count == 0 || rows.All(r => r.Value == 0))
        {
            html.Append($"<p class=\"empty\" id=\"{id}\">none</p>");
            return;
        }

        var max = rows.Max(r => r.Value);
        html.Append($"<svg id=\"{id}\" role=\"img\" aria-label=\"{E(title)}\" width=\"{Width}\" height=\"{rows.Count * BarHeight + 4}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            var y = i * BarHeight + 2;
            var length = max == 0 ? 0 : (int)Math.Round(380.0 * value / max);
            html.Append($"<text x=\"0\" y=\"{y + 15}\">{E(label)}</text>");
            html.Append($"<rect class=\"bar\" x=\"200\" y=\"{y + 3}\" width=\"{length}\" height=\"{BarHeight - 6}\" fill=\"{color}\"><title>{E(label)}: {value}</title></rect>");
            html.Append($"<text x=\"{204 + length}\" y=\"{y + 15}\">{value}</text>");
        }

        html.Append("</svg>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
