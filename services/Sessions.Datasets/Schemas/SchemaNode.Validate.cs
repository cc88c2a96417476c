using System.Runtime.InteropServices;
using System.Text.Json;

namespace Sessions.Datasets.Schemas;

internal sealed partial class SchemaNode
{
    public void Validate(JsonElement value, InstancePath path, List<string> errors, int maxErrors)
    {
        if (errors.Count >= maxErrors) return;
        if (constant is { } accepts)
        {
            if (!accepts) errors.Add($"{path}: no value is allowed here");
            return;
        }
        if (!SchemaTypeNames.Matches(types, value))
        {
            errors.Add($"{path}: expected {SchemaTypeNames.Describe(types)}, found {SchemaTypeNames.Of(value)}");
            return;
        }
        if (allowed is not null && !allowed.Any(a => JsonElement.DeepEquals(a, value)))
            errors.Add($"{path}: {Shorten(value.GetRawText())} is not one of [{string.Join(", ", allowed.Select(a => a.GetRawText()))}]");

        switch (value.ValueKind)
        {
            case JsonValueKind.Object: ValidateObject(value, path, errors, maxErrors); break;
            case JsonValueKind.Array: ValidateArray(value, path, errors, maxErrors); break;
            case JsonValueKind.String when minLength is not null || maxLength is not null:
                var length = CodePoints(value);
                if (length < minLength) errors.Add($"{path}: length {length} is below minLength {minLength}");
                if (length > maxLength) errors.Add($"{path}: length {length} is above maxLength {maxLength}");
                break;
            case JsonValueKind.Number when minimum is not null || maximum is not null:
                var number = value.GetDouble();
                if (number < minimum) errors.Add($"{path}: {number} is below minimum {minimum}");
                if (number > maximum) errors.Add($"{path}: {number} is above maximum {maximum}");
                break;
        }
    }

    private void ValidateObject(JsonElement value, InstancePath path, List<string> errors, int maxErrors)
    {
        foreach (var name in required)
        {
            if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: required property '{name}' is missing");
        }
        // Look the declared properties up by their UTF-8 names: enumerating the object would allocate every name.
        foreach (var (name, utf8Name, schema) in properties ?? [])
        {
            if (!value.TryGetProperty(utf8Name, out var property)) continue;
            path.Push(name);
            schema.Validate(property, path, errors, maxErrors);
            path.Pop();
        }
        if (additionalProperties) return;
        foreach (var property in value.EnumerateObject())
        {
            if (errors.Count >= maxErrors) return;
            if (!(properties ?? []).Any(p => property.NameEquals(p.Utf8Name)))
                errors.Add($"{path}: property '{property.Name}' is not allowed");
        }
    }

    private void ValidateArray(JsonElement value, InstancePath path, List<string> errors, int maxErrors)
    {
        var count = value.GetArrayLength();
        if (count < minItems) errors.Add($"{path}: {count} items, fewer than minItems {minItems}");
        if (count > maxItems) errors.Add($"{path}: {count} items, more than maxItems {maxItems}");
        if (items is null) return;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            path.Push(index++);
            items.Validate(item, path, errors, maxErrors);
            path.Pop();
            if (errors.Count >= maxErrors) return;
        }
    }

    /// <summary>The string's length in code points (what JSON Schema counts), without allocating it when it has no escapes.</summary>
    private static int CodePoints(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Contains((byte)'\\')) return value.GetString()!.EnumerateRunes().Count();
        var count = 0;
        foreach (var b in raw[1..^1]) count += (b & 0xC0) != 0x80 ? 1 : 0; // skip UTF-8 continuation bytes
        return count;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
