using System.Text.Json;
using Sessions.Datasets.Schemas;

namespace Sessions.Datasets.Reading;

/// <summary>
/// Turns one parsed JSON row into a <see cref="ContributedRow"/> or a rejection: schema first (the chat schema when the
/// row has <c>messages</c>, else the prompt/completion schema, or the one configured schema for every row), then the
/// chat rules that have their own codes (unknown role, empty content, no assistant turn).
/// </summary>
public sealed class JsonRowMapper(RowSchema? schemaForAllRows = null)
{
    public RowResult Map(JsonElement row, string source, long rowNumber)
    {
        var isChat = row.ValueKind == JsonValueKind.Object && row.TryGetProperty("messages"u8, out _);
        var schema = schemaForAllRows ?? (isChat ? RowSchema.ChatRows : RowSchema.PromptCompletionRows);
        var violations = schema.Validate(row);
        if (violations.Count > 0)
            return RowResult.Rejected(source, rowNumber, RowRejectionCodes.SchemaViolation, $"{schema.Name}: {string.Join("; ", violations)}");

        if (row.ValueKind != JsonValueKind.Object)
            return RowResult.Rejected(source, rowNumber, RowRejectionCodes.SchemaViolation, $"a row must be a JSON object, found {row.ValueKind}");
        var messages = isChat ? ChatMessages(row) : PromptCompletionMessages(row);
        if (messages is null)
            return RowResult.Rejected(source, rowNumber, RowRejectionCodes.MissingMessages, "the row has neither 'messages' nor 'prompt' and 'completion'");

        var rejection = ChatRules.Check(messages);
        if (rejection is not null) return RowResult.Rejected(source, rowNumber, rejection.Value.Code, rejection.Value.Detail);

        string? sessionId = row.TryGetProperty("session_id"u8, out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        double? weight = row.TryGetProperty("weight"u8, out var w) && w.ValueKind == JsonValueKind.Number ? w.GetDouble() : null;
        if (weight is { } value && !(value > 0 && double.IsFinite(value)))
            return RowResult.Rejected(source, rowNumber, RowRejectionCodes.InvalidWeight, $"weight {value} must be a finite number above 0");

        float[]? embedding = null;
        if (row.TryGetProperty("embedding"u8, out var vector) && vector.ValueKind != JsonValueKind.Null)
        {
            embedding = EmbeddingText.Read(vector, out var problem);
            if (embedding is null) return RowResult.Rejected(source, rowNumber, RowRejectionCodes.EmbeddingInvalid, problem!);
        }
        return RowResult.Accepted(new ContributedRow(source, rowNumber, messages, sessionId, embedding, weight));
    }

    private static List<ContributedMessage>? ChatMessages(JsonElement row)
    {
        var messages = row.GetProperty("messages"u8);
        if (messages.ValueKind != JsonValueKind.Array) return null;
        var result = new List<ContributedMessage>(messages.GetArrayLength());
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("role"u8, out var role) || role.ValueKind != JsonValueKind.String
                || !message.TryGetProperty("content"u8, out var content) || content.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            result.Add(new ContributedMessage(Role(role), content.GetString()!));
        }
        return result.Count == 0 ? null : result;
    }

    // The three known roles are shared strings rather than one allocation per message.
    private static string Role(JsonElement role) =>
        role.ValueEquals("user"u8) ? ChatRules.User
        : role.ValueEquals("assistant"u8) ? ChatRules.Assistant
        : role.ValueEquals("system"u8) ? ChatRules.System
        : role.GetString()!;

    private static List<ContributedMessage>? PromptCompletionMessages(JsonElement row)
    {
        if (!row.TryGetProperty("prompt"u8, out var prompt) || prompt.ValueKind != JsonValueKind.String
            || !row.TryGetProperty("completion"u8, out var completion) || completion.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        var result = new List<ContributedMessage>(3);
        if (row.TryGetProperty("system"u8, out var system) && system.ValueKind == JsonValueKind.String)
            result.Add(new ContributedMessage(ChatRules.System, system.GetString()!));
        result.Add(new ContributedMessage(ChatRules.User, prompt.GetString()!));
        result.Add(new ContributedMessage(ChatRules.Assistant, completion.GetString()!));
        return result;
    }
}
