using System.Text;
using System.Text.Json;

namespace Sessions.Datasets.Schemas;

/// <summary>One compiled (sub)schema of <see cref="RowSchema"/>; keywords are read once at load time.</summary>
internal sealed partial class SchemaNode
{
    private static readonly HashSet<string> Annotations =
        ["$schema", "$id", "$comment", "title", "description", "default", "examples"];

    private bool? constant;                 // a boolean schema: true accepts anything, false nothing
    private SchemaTypes types = SchemaTypes.Any;
    private string[] required = [];
    private (string Name, byte[] Utf8Name, SchemaNode Schema)[]? properties;
    private bool additionalProperties = true;
    private SchemaNode? items;
    private JsonElement[]? allowed;
    private int? minLength, maxLength, minItems, maxItems;
    private double? minimum, maximum;

    public static SchemaNode Compile(JsonElement schema, string at)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return new SchemaNode { constant = schema.ValueKind == JsonValueKind.True };
        if (schema.ValueKind != JsonValueKind.Object)
            throw new SchemaLoadException($"{at} must be an object or a boolean, not {schema.ValueKind}.");

        var node = new SchemaNode();
        foreach (var keyword in schema.EnumerateObject())
        {
            var where = $"{at}/{keyword.Name}";
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "type": node.types = SchemaTypeNames.Parse(value, where); break;
                case "required": node.required = value.EnumerateArray().Select(e => e.GetString()!).ToArray(); break;
                case "properties":
                    node.properties = value.EnumerateObject()
                        .Select(p => (p.Name, Encoding.UTF8.GetBytes(p.Name), Compile(p.Value, $"{where}/{p.Name}")))
                        .ToArray();
                    break;
                case "additionalProperties":
                    if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                        throw new SchemaLoadException($"{where}: only a boolean is supported by the built-in validator.");
                    node.additionalProperties = value.GetBoolean();
                    break;
                case "items": node.items = Compile(value, where); break;
                case "enum": node.allowed = value.EnumerateArray().Select(e => e.Clone()).ToArray(); break;
                case "minLength": node.minLength = value.GetInt32(); break;
                case "maxLength": node.maxLength = value.GetInt32(); break;
                case "minItems": node.minItems = value.GetInt32(); break;
                case "maxItems": node.maxItems = value.GetInt32(); break;
                case "minimum": node.minimum = value.GetDouble(); break;
                case "maximum": node.maximum = value.GetDouble(); break;
                default:
                    if (!Annotations.Contains(keyword.Name))
                        throw new SchemaLoadException($"keyword {keyword.Name} (at {where}) is not supported by the built-in validator.");
                    break;
            }
        }
        return node;
    }
}
