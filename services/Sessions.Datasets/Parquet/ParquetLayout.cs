using Parquet.Schema;

namespace Sessions.Datasets.Parquet;

/// <summary>
/// The columns of a contributed Parquet file: the chat layout Hugging Face datasets use (<c>messages</c>, a list of
/// <c>{role, content}</c> structs) or flat <c>prompt</c>/<c>completion</c> (+ optional <c>system</c>); either with
/// optional <c>session_id</c> (string), <c>weight</c> (number) and <c>embedding</c> (list of float or double).
/// A missing or wrongly typed column fails the whole file here, before any row is read.
/// </summary>
public sealed record ParquetLayout(
    DataField? Role, DataField? Content, DataField? Prompt, DataField? Completion, DataField? System,
    DataField? SessionId, DataField? Weight, DataField? Embedding)
{
    /// <summary>The definition level at which an element of <c>messages</c> exists (below it: an empty or null list).</summary>
    public int MessagesListLevel { get; init; }

    /// <summary>The definition level at which an element of <c>embedding</c> exists.</summary>
    public int EmbeddingListLevel { get; init; }

    public bool IsChat => Role is not null;

    public static ParquetLayout Of(ParquetSchema schema, string source)
    {
        var top = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var field in schema.Fields) top.TryAdd(field.Name, field);
        var names = string.Join(", ", top.Keys);

        DataField? role = null, content = null, prompt = null, completion = null, system = null;
        int messagesLevel = 0, embeddingLevel = 0;
        if (top.TryGetValue("messages", out var messages))
        {
            if (messages is not ListField { Item: StructField item })
                throw Columns(source, $"'messages' must be a list of {{role, content}} structs, found {Describe(messages)}");
            role = item.Fields.OfType<DataField>().FirstOrDefault(f => f.Name == "role");
            content = item.Fields.OfType<DataField>().FirstOrDefault(f => f.Name == "content");
            if (role is null || content is null)
                throw Columns(source, $"the structs in 'messages' need string fields 'role' and 'content'; found {string.Join(", ", item.Fields.Select(f => f.Name))}");
            RequireText(role, "messages.role", source);
            RequireText(content, "messages.content", source);
            messagesLevel = messages.MaxDefinitionLevel;
        }
        else if (top.ContainsKey("prompt") || top.ContainsKey("completion"))
        {
            prompt = FlatText(top, "prompt", source) ?? throw Columns(source, $"'completion' without 'prompt'; the file has: {names}");
            completion = FlatText(top, "completion", source) ?? throw Columns(source, $"'prompt' without 'completion'; the file has: {names}");
            system = FlatText(top, "system", source);
        }
        else
        {
            throw Columns(source, $"neither a 'messages' column (chat layout) nor 'prompt' and 'completion' columns; the file has: {names}");
        }

        var weight = Flat(top, "weight", source);
        if (weight is not null && !ParquetColumns.IsNumber(weight.ClrType))
            throw Columns(source, $"'weight' must be a number column, found {Describe(weight)}");

        DataField? embedding = null;
        if (top.TryGetValue("embedding", out var vector))
        {
            embedding = vector is ListField { Item: DataField element } && (element.ClrType == typeof(float) || element.ClrType == typeof(double))
                ? element
                : throw Columns(source, $"'embedding' must be a list of float or double, found {Describe(vector)}");
            embeddingLevel = vector.MaxDefinitionLevel;
        }

        return new ParquetLayout(role, content, prompt, completion, system, FlatText(top, "session_id", source), weight, embedding)
        {
            MessagesListLevel = messagesLevel,
            EmbeddingListLevel = embeddingLevel,
        };
    }

    private static DataField? Flat(Dictionary<string, Field> top, string name, string source) =>
        !top.TryGetValue(name, out var field) ? null
        : field is DataField { MaxRepetitionLevel: 0 } data ? data
        : throw Columns(source, $"'{name}' must be a plain column, found {Describe(field)}");

    private static DataField? FlatText(Dictionary<string, Field> top, string name, string source)
    {
        var field = Flat(top, name, source);
        if (field is not null) RequireText(field, name, source);
        return field;
    }

    private static void RequireText(DataField field, string name, string source)
    {
        if (!ParquetColumns.IsText(field.ClrType)) throw Columns(source, $"'{name}' must be a string column, found {Describe(field)}");
    }

    private static string Describe(Field field) => field switch
    {
        DataField data => data.ClrType == typeof(ReadOnlyMemory<char>) ? "string" : data.ClrType.Name,
        ListField => "a list of " + Describe(((ListField)field).Item),
        StructField => "a struct",
        _ => field.SchemaType.ToString().ToLowerInvariant(),
    };

    private static DatasetImportException Columns(string source, string detail) =>
        new(ImportErrorCodes.ParquetColumns, $"'{source}': {detail}");
}
