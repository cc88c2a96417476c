using System.Text.Json.Nodes;

namespace Sessions.Trainer.FineTuning;

/// <summary>
/// The format checks of OpenAI's fine-tuning data-preparation guide for one chat-format line:
/// a <c>messages</c> list, each message with a known role and string content, nothing unrecognized,
/// and an assistant message in every example. Returns the problems found (empty when the line is valid).
/// </summary>
public static class FineTuningFormat
{
    private static readonly HashSet<string> Roles = ["system", "user", "assistant"];
    private static readonly HashSet<string> MessageKeys = ["role", "content", "name", "weight"];

    public static IReadOnlyList<string> Problems(string line)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (System.Text.Json.JsonException)
        {
            return ["invalid_json"];
        }

        if (node is not JsonObject example || example["messages"] is not JsonArray messages)
        {
            return ["missing_messages_list"];
        }

        var problems = new List<string>();
        foreach (var message in messages)
        {
            if (message is not JsonObject m || m["role"] is null || m["content"] is null)
            {
                problems.Add("message_missing_key");
                continue;
            }

            if (m.Select(p => p.Key).Any(k => !MessageKeys.Contains(k)))
            {
                problems.Add("message_unrecognized_key");
            }

            if (m["role"]!.GetValueKind() != System.Text.Json.JsonValueKind.String || !Roles.Contains(m["role"]!.GetValue<string>()))
            {
                problems.Add("unrecognized_role");
            }

            if (m["content"]!.GetValueKind() != System.Text.Json.JsonValueKind.String || string.IsNullOrWhiteSpace(m["content"]!.GetValue<string>()))
            {
                problems.Add("missing_content");
            }
        }

        if (!messages.OfType<JsonObject>().Any(m => m["role"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && m["role"]!.GetValue<string>() == "assistant"))
        {
            problems.Add("example_missing_assistant_message");
        }

        return problems.Distinct().ToList();
    }
}
