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
            messages.Add(Message(role, Sentence(role, id, i), messages.Count));
        }

        return new SessionEnded
        {
            SessionId = id,
            UserId = "u-1",
            Messages = messages,
            Metadata = new SessionMetadata { StartTime = Start, EndTime = Start.AddMinutes(turns + 5) },
        };
    }

    private static readonly string[] Vocabulary =
    [
        "invoices", "storage", "quotas", "regional", "pricing", "details", "billing", "account", "upgrade", "plan",
        "region", "backup", "snapshot", "bucket", "latency", "network", "firewall", "domain", "certificate", "renewal",
        "discount", "contract", "support", "ticket", "outage", "status", "dashboard", "alerts", "metrics", "logs",
        "database", "replica", "cluster", "scaling", "limits", "credits", "refund", "currency", "taxes", "receipt",
        "password", "login", "security", "audit", "export", "import", "archive", "retention", "policy", "compliance",
        "migration", "schedule", "maintenance", "window", "version", "release", "feature", "preview", "pipeline", "deploy",
    ];

    /// <summary>
    /// A turn of ten words drawn from <see cref="Vocabulary"/>, seeded by session id and turn: the same session always
    /// reads the same, different turns and sessions differ like real ones (no echoed templates for the quality checks).
    /// </summary>
    private static string Sentence(string role, string id, int turn)
    {
        var seed = 2166136261u;
        foreach (var c in $"{id}/{turn}")
        {
            seed = (seed ^ c) * 16777619u; // FNV-1a: stable across processes, unlike string.GetHashCode
        }

        var random = new Random((int)seed);
        var words = Enumerable.Range(0, 10).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
        return $"{role} turn {turn} of {id} about " + string.Join(' ', words);
    }

    public static ChatMessage Message(string role, string content, int minute) =>
        new() { Role = role, Content = content, Timestamp = Start.AddMinutes(minute) };
}
