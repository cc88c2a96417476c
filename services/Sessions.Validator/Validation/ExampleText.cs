using System.Text.Json;
using Sessions.Text;

namespace Sessions.Validator.Validation;

public static class ExampleText
{
    /// <summary>Reads the chat-format <c>[{role, content}, ...]</c> an example is stored as; missing parts read as empty.</summary>
    public static ExchangeText LastExchange(string messagesJson)
    {
        try
        {
            using var document = JsonDocument.Parse(messagesJson);
            string user = "", reply = "";
            foreach (var message in document.RootElement.EnumerateArray())
            {
                var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                var content = message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : "";
                switch (role)
                {
                    case "user":
                        user = content;
                        break;
                    case "assistant":
                        reply = content;
                        break;
                }
            }

            return new ExchangeText(user, reply);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return new ExchangeText("", "");
        }
    }
}
