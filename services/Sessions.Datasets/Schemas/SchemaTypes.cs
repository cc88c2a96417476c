using System.Text.Json;

namespace Sessions.Datasets.Schemas;

[Flags]
internal enum SchemaTypes
{
    None = 0,
    Object = 1,
    Array = 2,
    String = 4,
    Number = 8,
    Integer = 16,
    Boolean = 32,
    Null = 64,
    Any = Object | Array | String | Number | Integer | Boolean | Null,
}

internal static class SchemaTypeNames
{
    public static SchemaTypes Parse(JsonElement value, string at) => value.ValueKind switch
    {
        JsonValueKind.String => One(value.GetString()!, at),
        JsonValueKind.Array => value.EnumerateArray().Aggregate(SchemaTypes.None, (all, e) => all | One(e.GetString() ?? "", at)),
        _ => throw new SchemaLoadException($"{at} must be a type name or an array of type names."),
    };

    public static bool Matches(SchemaTypes types, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => types.HasFlag(SchemaTypes.Object),
        JsonValueKind.Array => types.HasFlag(SchemaTypes.Array),
        JsonValueKind.String => types.HasFlag(SchemaTypes.String),
        JsonValueKind.Number => types.HasFlag(SchemaTypes.Number)
            || (types.HasFlag(SchemaTypes.Integer) && value.TryGetDouble(out var d) && Math.Floor(d) == d),
        JsonValueKind.True or JsonValueKind.False => types.HasFlag(SchemaTypes.Boolean),
        JsonValueKind.Null => types.HasFlag(SchemaTypes.Null),
        _ => false,
    };

    public static string Describe(SchemaTypes types) =>
        string.Join(" or ", Enum.GetValues<SchemaTypes>()
            .Where(t => t is not (SchemaTypes.None or SchemaTypes.Any) && types.HasFlag(t))
            .Select(t => t.ToString().ToLowerInvariant()));

    public static string Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };

    private static SchemaTypes One(string name, string at) => name switch
    {
        "object" => SchemaTypes.Object,
        "array" => SchemaTypes.Array,
        "string" => SchemaTypes.String,
        "number" => SchemaTypes.Number,
        "integer" => SchemaTypes.Integer,
        "boolean" => SchemaTypes.Boolean,
        "null" => SchemaTypes.Null,
        _ => throw new SchemaLoadException($"{at}: '{name}' is not a JSON Schema type."),
    };
}
