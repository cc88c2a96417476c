using System.Reflection;
using System.Text.Json;
using Json.Schema;

namespace Sessions.Datasets.Schemas;

/// <summary>
/// A JSON Schema checked against each JSON row, evaluated by JsonSchema.Net (draft 2020-12 unless the file's
/// <c>$schema</c> names another draft): every standard keyword, <c>format</c> asserted, <c>$ref</c> within the file.
/// A schema that is not valid JSON Schema — a keyword with a wrong value, an unknown keyword (a typo would otherwise
/// check nothing), a <c>$ref</c> that leaves the file (no network fetches from schemas) — fails at load time.
/// </summary>
public sealed class RowSchema
{
    private const string ResourcePrefix = "Sessions.Datasets.Schemas.";

    // Flag output first: a valid row (the common case) costs one short-circuiting pass; only a failing row is evaluated again for its details.
    private static readonly EvaluationOptions Check = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
    private static readonly EvaluationOptions Explain = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonSchema schema;

    private RowSchema(string name, JsonSchema schema)
    {
        Name = name;
        this.schema = schema;
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
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
                throw new DatasetImportException(ImportErrorCodes.SchemaInvalid, $"Schema {path} does not exist or is not a regular file.");
            if (file.Length > MaxSchemaBytes)
                throw new DatasetImportException(ImportErrorCodes.SchemaInvalid, $"Schema {path} has {file.Length} bytes; at most {MaxSchemaBytes}.");
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetImportException(ImportErrorCodes.SchemaInvalid, $"Schema {path} cannot be read: {e.Message}", e);
        }
    }

    public static RowSchema Parse(string json, string name = "schema")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            // The parser's message quotes the offending character; the position is enough and echoes nothing of the file.
            throw new DatasetImportException(ImportErrorCodes.SchemaInvalid, $"Schema {name} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).", e);
        }

        using (document)
        {
            if (SchemaReferences.FirstLeavingTheFile(document.RootElement) is { } remote)
                throw new DatasetImportException(ImportErrorCodes.SchemaInvalid,
                    $"Schema {name}: $ref '{remote}' points outside the schema file; references are resolved within the file only (no network fetches)");
            try
            {
                // A registry of its own: schemas of different imports never meet, and nothing is ever fetched.
                var registry = new SchemaRegistry { Fetch = (uri, _) => throw new InvalidOperationException($"'{uri}' is not in the schema file; nothing is fetched") };
                var built = JsonSchema.Build(document.RootElement.Clone(), new BuildOptions { SchemaRegistry = registry });
                return new RowSchema(name, built);
            }
            catch (Exception e) when (e is JsonSchemaException or JsonException or RefResolutionException or ArgumentException or FormatException or InvalidOperationException)
            {
                throw new DatasetImportException(ImportErrorCodes.SchemaInvalid, $"Schema {name} is not valid JSON Schema: {e.Message}", e);
            }
        }
    }

    private static RowSchema FromResource(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Embedded schema {fileName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), fileName);
    }

    /// <summary>
    /// The violations of <paramref name="instance"/> (empty when valid), each "JSON pointer: what is wrong"
    /// (<c>#/messages/2/role: ...</c>, <c>#</c> for the row itself); at most <paramref name="maxErrors"/>.
    /// </summary>
    public IReadOnlyList<string> Validate(JsonElement instance, int maxErrors = 10)
    {
        try
        {
            if (schema.Evaluate(instance, Check).IsValid) return [];
            var errors = new List<string>();
            Collect(schema.Evaluate(instance, Explain), errors, maxErrors);
            return errors.Count > 0 ? errors : ["#: the row does not match the schema"];
        }
        catch (Exception e) when (e is RefResolutionException or InvalidOperationException)
        {
            throw new DatasetImportException(ImportErrorCodes.SchemaInvalid, $"Schema {Name} is not valid JSON Schema: {e.Message}", e);
        }
    }

    private static void Collect(EvaluationResults results, List<string> errors, int maxErrors)
    {
        if (results.Errors is { Count: > 0 } own)
        {
            foreach (var (_, message) in own)
            {
                if (errors.Count >= maxErrors) return;
                errors.Add($"#{results.InstanceLocation}: {message}");
            }
        }

        foreach (var detail in results.Details ?? [])
        {
            Collect(detail, errors, maxErrors);
        }
    }
}
