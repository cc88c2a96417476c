using System.Text;
using System.Text.Json;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests.Faults;

/// <summary>
/// Seeded malformed and hostile message bodies for the SessionEnded exchange: each is either unreadable (it must
/// land in the error queue) or readable but invalid (the processor must reject it with a reason).
/// </summary>
internal static class HostileMessages
{
    /// <summary>Planted in hostile content; must never show up in a service's output.</summary>
    public const string Secret = "fuzz-victim@example.com";

    public static readonly string[] Injections =
    [
        "x'; DROP TABLE \"Sessions\"; --",
        "\" OR 1=1; DELETE FROM \"Examples\"; --",
        "<script>alert('fuzz')</script>",
        "<img src=x onerror=alert(1)>",
        "{{7*7}} ${jndi:ldap://127.0.0.1/a}",
    ];

    public static List<byte[]> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var bodies = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var id = $"fuzz-bad-{i:D4}";
            var valid = Conversations.Valid(id, turns: 12);
            string json = (i % 10) switch
            {
                0 => Json(valid)[..random.Next(1, Json(valid).Length - 1)],                            // truncated JSON
                1 => $"{{\"sessionId\": {random.Next()}, \"messages\": \"not a list\"}}",                 // wrong types
                2 => Json(valid).Replace($"\"sessionId\":\"{id}\",", ""),                                // missing id
                3 => Json(valid)[..Json(valid).IndexOf("\"messages\"", StringComparison.Ordinal)] + "\"userId\":\"u\"}", // missing messages
                4 => Json(valid with { SessionId = id, Messages = Replace(valid, 3, new string('A', 40_000 + random.Next(10_000)) + Secret) }), // huge string
                5 => "{\"sessionId\":\"" + id + "\",\"metadata\":{\"properties\":{\"deep\":" + new string('[', 300) + new string(']', 300) + "}}}", // deep nesting
                6 => Json(valid with { Messages = Replace(valid, 2, "hello \u0001\u0007\u001b[31m " + Secret) }), // control characters
                7 => Json(valid with { SessionId = Injections[random.Next(Injections.Length)] + i, Messages = valid.Messages!.Take(3).ToList() }), // injection id, too few messages
                8 => Json(valid with { Messages = valid.Messages!.Select(m => m with { Role = "<script>" }).ToList() }), // invalid roles
                _ => string.Concat(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (char)random.Next(0x20, 0x7f))), // garbage
            };
            var bytes = Encoding.UTF8.GetBytes(json);
            if (i % 20 == 9)
            {
                // Invalid UTF-8 inside a string value.
                bytes = [.. Encoding.UTF8.GetBytes("{\"sessionId\":\"" + id + "\",\"userId\":\""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}")];
            }

            bodies.Add(bytes);
        }

        return bodies;
    }

    private static string Json(Sessions.Contracts.SessionEnded session) => JsonSerializer.Serialize(session, JsonSerializerOptions.Web);

    private static List<Sessions.Contracts.ChatMessage> Replace(Sessions.Contracts.SessionEnded session, int index, string content) =>
        session.Messages!.Select((m, i) => i == index ? m with { Content = content } : m).ToList();
}
