using Sessions.Contracts;

namespace Sessions.UnitTests;

/// <summary>Builds sessions for tests: a system message, then alternating user/assistant turns a minute apart.</summary>
internal static class Conversations
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public static SessionEnded Valid(string id = "s-1", int turns = 12, bool system = true)
    {
        var messages = new List<ChatMessage>();
        if (system)
        {
            messages.Add(Message("system", "You are a helpful assistant for Acme Cloud customers.", 0));
        }

        for (var i = 0; messages.Count < turns; i++)
        {
            var role = i % 2 == 0 ? "user" : "assistant";
            messages.Add(Message(role, $"{role} turn {i} of {id} asks about invoices, storage quotas and regional pricing details", messages.Count));
        }

        return new SessionEnded
        {
            SessionId = id,
            UserId = "u-1",
            Messages = messages,
            Metadata = new SessionMetadata { StartTime = Start, EndTime = Start.AddMinutes(turns + 5) },
        };
    }

    public static ChatMessage Message(string role, string content, int minute) =>
        new() { Role = role, Content = content, Timestamp = Start.AddMinutes(minute) };
}
