using System.Text.Json;

namespace Sessions.Datasets.Reading;

/// <summary>
/// Reads a precomputed embedding (a JSON array). JSON has no NaN/Infinity literals, so null and the strings
/// "NaN", "Infinity", "-Infinity" stand for them, as do numbers beyond float range; they are kept non-finite here and
/// handled by the configured NaN/Inf strategy later. Python's bare <c>NaN</c> is not JSON and fails the row as invalid_json.
/// </summary>
public static class EmbeddingText
{
    public static float[]? Read(JsonElement vector, out string? problem)
    {
        problem = null;
        if (vector.ValueKind != JsonValueKind.Array)
        {
            problem = $"embedding must be a JSON array of numbers, found {vector.ValueKind}";
            return null;
        }
        var values = new float[vector.GetArrayLength()];
        var i = 0;
        foreach (var item in vector.EnumerateArray())
        {
            float? value = item.ValueKind switch
            {
                JsonValueKind.Number => (float)item.GetDouble(),
                JsonValueKind.Null => float.NaN,
                JsonValueKind.String => item.GetString() switch
                {
                    "NaN" => float.NaN,
                    "Infinity" => float.PositiveInfinity,
                    "-Infinity" => float.NegativeInfinity,
                    _ => null,
                },
                _ => null,
            };
            if (value is null)
            {
                problem = $"embedding[{i}] is {item.GetRawText()}, not a number";
                return null;
            }
            values[i++] = value.Value;
        }
        return values;
    }

    /// <summary>Parses an embedding held as JSON text (a CSV column).</summary>
    public static float[]? Parse(string text, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return Read(document.RootElement, out problem);
        }
        catch (JsonException e)
        {
            problem = $"embedding is not valid JSON: {e.Message}";
            return null;
        }
    }
}
