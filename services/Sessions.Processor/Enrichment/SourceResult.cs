using System.Text.Json.Nodes;

namespace Sessions.Processor.Enrichment;

/// <summary>What one source contributed to a session, or why it could not.</summary>
public sealed record SourceResult(string Name, bool Required, bool Succeeded, string? Error, JsonNode? Data)
{
    public static async Task<SourceResult> RunAsync(string name, bool required, Func<Task<JsonNode?>> fetch)
    {
        try
        {
            return new SourceResult(name, required, true, null, await fetch());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SourceResult(name, required, false, $"{ex.GetType().Name}: {ex.Message}", null);
        }
    }
}
