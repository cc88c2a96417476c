using System.Text.Json;
using Sessions.Contracts;

namespace Sessions.Admin.Ingest;

/// <summary>Reads <c>SessionEnded</c> objects from JSON Lines, one per line, streaming.</summary>
public static class SessionFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async IAsyncEnumerable<SessionLine> ReadAsync(string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        using var reader = new StreamReader(path);
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            SessionEnded? session = null;
            string? error = null;
            try
            {
                session = JsonSerializer.Deserialize<SessionEnded>(line, Json);
                error = session is null ? "the line is JSON null" : null;
            }
            catch (JsonException ex)
            {
                error = ex.Message;
            }

            yield return new SessionLine(number, session, error);
        }
    }
}
