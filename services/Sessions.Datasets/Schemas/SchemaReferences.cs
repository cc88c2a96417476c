using System.Text.Json;

namespace Sessions.Datasets.Schemas;

/// <summary>
/// Finds a <c>$ref</c> or <c>$dynamicRef</c> that leaves the schema file: one that resolves (against the nearest
/// enclosing <c>$id</c>) to a document no <c>$id</c> of the file names. Such a reference would need a fetch, and a
/// schema from outside must not make the importer open network connections or read other files.
/// </summary>
internal static class SchemaReferences
{
    private static readonly Uri FileBase = new("https://sessions.invalid/row-schema.json");

    public static string? FirstLeavingTheFile(JsonElement root)
    {
        var documents = new HashSet<string>(StringComparer.Ordinal) { Document(FileBase) };
        var references = new List<(Uri Base, string Value)>();
        Walk(root, FileBase, documents, references);
        foreach (var (baseUri, value) in references)
        {
            if (!Uri.TryCreate(baseUri, value, out var target) || !documents.Contains(Document(target))) return value;
        }

        return null;
    }

    private static void Walk(JsonElement node, Uri baseUri, HashSet<string> documents, List<(Uri, string)> references)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray()) Walk(item, baseUri, documents, references);
            return;
        }

        if (node.ValueKind != JsonValueKind.Object) return;
        if (node.TryGetProperty("$id"u8, out var id) && id.ValueKind == JsonValueKind.String && Uri.TryCreate(baseUri, id.GetString(), out var resolved))
        {
            baseUri = resolved;
            documents.Add(Document(resolved));
        }

        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals("$ref"u8) || property.NameEquals("$dynamicRef"u8))
            {
                if (property.Value.ValueKind == JsonValueKind.String) references.Add((baseUri, property.Value.GetString()!));
            }
            else
            {
                Walk(property.Value, baseUri, documents, references);
            }
        }
    }

    private static string Document(Uri uri) => uri.GetLeftPart(UriPartial.Query);
}
