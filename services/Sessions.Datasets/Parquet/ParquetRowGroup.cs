using Parquet;
using Sessions.Datasets.Reading;

namespace Sessions.Datasets.Parquet;

/// <summary>One row group's columns, decoded; <see cref="Map"/> turns row <c>i</c> into a row or its rejection.</summary>
public sealed class ParquetRowGroup
{
    private List<string?>[]? roles;
    private List<string?>[]? contents;
    private string?[]? prompts;
    private string?[]? completions;
    private string?[]? systems;
    private string?[]? sessionIds;
    private double?[]? weights;
    private float[]?[]? embeddings;

    public int Count { get; private init; }

    public static async Task<ParquetRowGroup> ReadAsync(ParquetRowGroupReader group, ParquetLayout layout, CancellationToken ct)
    {
        var rows = checked((int)group.RowCount);
        var result = new ParquetRowGroup { Count = rows };
        if (layout.IsChat)
        {
            result.roles = await ParquetColumns.TextListsAsync(group, layout.Role!, layout.MessagesListLevel, rows, ct).ConfigureAwait(false);
            result.contents = await ParquetColumns.TextListsAsync(group, layout.Content!, layout.MessagesListLevel, rows, ct).ConfigureAwait(false);
        }
        else
        {
            result.prompts = await ParquetColumns.TextAsync(group, layout.Prompt!, rows, ct).ConfigureAwait(false);
            result.completions = await ParquetColumns.TextAsync(group, layout.Completion!, rows, ct).ConfigureAwait(false);
            if (layout.System is not null) result.systems = await ParquetColumns.TextAsync(group, layout.System, rows, ct).ConfigureAwait(false);
        }

        if (layout.SessionId is not null) result.sessionIds = await ParquetColumns.TextAsync(group, layout.SessionId, rows, ct).ConfigureAwait(false);
        if (layout.Weight is not null) result.weights = await ParquetColumns.NumbersAsync(group, layout.Weight, rows, ct).ConfigureAwait(false);
        if (layout.Embedding is not null)
            result.embeddings = await ParquetColumns.VectorsAsync(group, layout.Embedding, layout.EmbeddingListLevel, rows, ct).ConfigureAwait(false);
        return result;
    }

    public RowResult Map(int i, string source, long rowNumber)
    {
        var messages = roles is not null ? ChatMessages(i) : PromptCompletion(i);
        if (messages.Rejection is { } problem) return RowResult.Rejected(source, rowNumber, problem.Code, problem.Detail);

        var rejection = ChatRules.Check(messages.List!);
        if (rejection is not null) return RowResult.Rejected(source, rowNumber, rejection.Value.Code, rejection.Value.Detail);

        var weight = weights?[i];
        if (weight is { } value && !(value > 0 && double.IsFinite(value)))
            return RowResult.Rejected(source, rowNumber, RowRejectionCodes.InvalidWeight, $"weight {value} must be a finite number above 0");

        var sessionId = sessionIds?[i];
        if (sessionId is { Length: 0 or > 200 })
            return RowResult.Rejected(source, rowNumber, RowRejectionCodes.SchemaViolation, $"session_id must be 1 to 200 characters, found {sessionId.Length}");
        return RowResult.Accepted(new ContributedRow(source, rowNumber, messages.List!, sessionId, embeddings?[i], weight));
    }

    private (List<ContributedMessage>? List, (string Code, string Detail)? Rejection) ChatMessages(int i)
    {
        var roleList = roles![i];
        var contentList = contents![i];
        if (roleList.Count == 0 && contentList.Count == 0) return (null, (RowRejectionCodes.MissingMessages, "'messages' is empty or null"));
        if (roleList.Count != contentList.Count)
            return (null, (RowRejectionCodes.NullInMessages, "'messages' has structs without role or content"));
        var list = new List<ContributedMessage>(roleList.Count);
        for (var m = 0; m < roleList.Count; m++)
        {
            if (roleList[m] is not { } role || contentList[m] is not { } content)
                return (null, (RowRejectionCodes.NullInMessages, $"message {m + 1} has a null {(roleList[m] is null ? "role" : "content")} (or is null)"));
            list.Add(new ContributedMessage(Role(role), content));
        }

        return (list, null);
    }

    private (List<ContributedMessage>? List, (string Code, string Detail)? Rejection) PromptCompletion(int i)
    {
        if (prompts![i] is not { } prompt || completions![i] is not { } completion)
            return (null, (RowRejectionCodes.MissingMessages, $"'{(prompts[i] is null ? "prompt" : "completion")}' is null"));
        var list = new List<ContributedMessage>(3);
        if (systems?[i] is { } system) list.Add(new ContributedMessage(ChatRules.System, system));
        list.Add(new ContributedMessage(ChatRules.User, prompt));
        list.Add(new ContributedMessage(ChatRules.Assistant, completion));
        return (list, null);
    }

    private static string Role(string role) => role switch
    {
        ChatRules.User => ChatRules.User,
        ChatRules.Assistant => ChatRules.Assistant,
        ChatRules.System => ChatRules.System,
        _ => role,
    };
}
