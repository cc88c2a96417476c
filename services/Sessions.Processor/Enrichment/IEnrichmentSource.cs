using System.Text.Json.Nodes;
using Sessions.Contracts;

namespace Sessions.Processor.Enrichment;

/// <summary>
/// An extra source of data about a session (seed 003: many sources, gathered concurrently). An optional
/// source that fails only lowers the session's data-quality score; a required one fails the message.
/// </summary>
public interface IEnrichmentSource
{
    string Name { get; }
    bool Required { get; }
    Task<JsonNode?> FetchAsync(SessionEnded session, CancellationToken cancellationToken);
}
