using System.Text.Json.Nodes;
using Sessions.Contracts;

namespace Sessions.Processor.Enrichment;

/// <summary>A JSON document about the session from a configured HTTP endpoint, within its own timeout.</summary>
public sealed class HttpEnrichmentSource(HttpClient http, HttpSourceOptions options) : IEnrichmentSource
{
    public string Name => options.Name;
    public bool Required => options.Required;

    public async Task<JsonNode?> FetchAsync(SessionEnded session, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var url = $"{options.Url}?sessionId={Uri.EscapeDataString(session.SessionId)}&userId={Uri.EscapeDataString(session.UserId ?? "")}";
        try
        {
            using var response = await http.GetAsync(url, timeout.Token);
            response.EnsureSuccessStatusCode();
            return await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} did not answer within {options.Timeout}");
        }
    }
}
