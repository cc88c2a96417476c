using System.Reflection;
using System.Text.Json;

namespace Sessions.Datasets.Schemas;

/// <summary>
/// A JSON Schema (draft 2020-12 keyword names) checked against each JSON row.
/// Stand-in for JsonSchema.Net, which does not restore here (JsonPointer.Net and Json.More.Net are missing from the
/// registry): it supports the subset the shipped schemas need — <c>type</c> (a name or an array of names),
/// <c>required</c>, <c>properties</c>, <c>additionalProperties</c> (boolean), <c>items</c>, <c>enum</c>,
/// <c>minLength</c>, <c>maxLength</c>, <c>minItems</c>, <c>maxItems</c>, <c>minimum</c>, <c>maximum</c>, boolean
/// schemas, and the annotations <c>$schema</c>, <c>$id</c>, <c>$comment</c>, <c>title</c>, <c>description</c>,
/// <c>default</c>, <c>examples</c>. Any other keyword fails at load time rather than being silently ignored.
/// </summary>
public sealed class RowSchema
{
    private const string ResourcePrefix = "Sessions.Datasets.Schemas.";
    private readonly SchemaNode root;

    private RowSchema(string name, SchemaNode root)
    {
        Name = name;
        this.root = root;
    }

    /// <summary>Where the schema came from (a file path or a resource name), for messages.</summary>
    public string Name { get; }

    /// <summary>The shipped schema for chat rows: <c>{"messages":[{"role","content"}...]}</c>.</summary>
    public static RowSchema ChatRows { get; } = FromResource("chat-jsonl.schema.json");

    /// <summary>The shipped schema for <c>{"prompt","completion"}</c> rows.</summary>
    public static RowSchema PromptCompletionRows { get; } = FromResource("prompt-completion.schema.json");

    /// <summary>A schema is small; a larger file is refused before it is read (e.g. a device or a data file named by mistake).</summary>
    public const long MaxSchemaBytes = 1 << 20;

    public static RowSchema Load(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new DatasetImportException(ImportErrorCodes.SchemaInvalid, $"Schema {path} does not exist or is not a regular file.");
        if (file.Length > MaxSchemaBytes)
            throw new DatasetImportException(ImportErrorCodes.SchemaInvalid, $"Schema {path} has {file.Length} bytes; at most {MaxSchemaBytes}.");
        return Parse(File.ReadAllText(path), path);
    }

    public static RowSchema Parse(string json, string name = "schema")
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return new RowSchema(name, SchemaNode.Compile(document.RootElement, "#"));
        }
        catch (JsonException e)
        {
            // The parser's message quotes the offending character; the position is enough and echoes nothing of the file.
            throw new DatasetImportException(ImportErrorCodes.SchemaInvalid, $"Schema {name} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).", e);
        }
        catch (Exception e) when (e is SchemaLoadException or InvalidOperationException or FormatException)
        {
            throw new DatasetImportException(ImportErrorCodes.SchemaInvalid, $"Schema {name}: {e.Message}", e);
        }
    }

    private static RowSchema FromResource(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Embedded schema {fileName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), fileName);
    }

    /// <summary>The violations of <paramref name="instance"/> (empty when valid), each "path: what is wrong"; at most <paramref name="maxErrors"/>.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance, int maxErrors = 10)
    {
        var errors = new List<string>();
        root.Validate(instance, new InstancePath(), errors, maxErrors);
        return errors;
    }
}

internal sealed class SchemaLoadException(string message) : Exception(message);
