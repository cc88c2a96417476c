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
                var length = value.GetString()!.EnumerateRunes().Count();
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
        if (properties is null && additionalProperties) return;
        foreach (var property in value.EnumerateObject())
        {
            if (properties is not null && properties.TryGetValue(property.Name, out var schema))
            {
                path.Push(property.Name);
                schema.Validate(property.Value, path, errors, maxErrors);
                path.Pop();
            }
            else if (!additionalProperties && errors.Count < maxErrors)
            {
                errors.Add($"{path}: property '{property.Name}' is not allowed");
            }
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

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
