using Sessions.Contracts;

namespace Sessions.Admin.Generation;

/// <summary>
/// Seeded synthetic sessions for tests and load, in the spirit of seed 000's synthetic dataset builder. Each carries
/// <c>metadata.properties.expected</c>: <c>accepted</c>, the rejection code an invalid one must get, <c>duplicate</c>
/// or <c>redelivery</c>, so a test can check the pipeline's verdicts against the file.
/// </summary>
public sealed class SyntheticSessions(GenerationSettings settings)
{
    // In the past, so that no generated timestamp lies in the future of whoever processes the file.
    private static readonly DateTimeOffset Epoch = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Defects =
        [RejectionCodeNames.TooFewMessages, RejectionCodeNames.InvalidRole, RejectionCodeNames.EmptyContent, RejectionCodeNames.TimestampsOutOfOrder, RejectionCodeNames.TooShort];

    public IEnumerable<SessionEnded> Generate()
    {
        var random = new Random(settings.Seed);
        var valid = new List<SessionEnded>();
        for (var i = 0; i < settings.Sessions; i++)
        {
            var id = $"{settings.IdPrefix}-{i:D7}";
            var draw = random.NextDouble();
            var language = settings.Languages[random.Next(settings.Languages.Count)];
            var user = $"user-{random.Next(1, 500):D3}";
            var start = Epoch.AddSeconds(random.Next(0, 30 * 24 * 3600));
            var fresh = Conversation(random, PhraseBank.ByLanguage[language], start);
            SessionEnded session;
            if (draw < settings.InvalidFraction)
            {
                var defect = Defects[random.Next(Defects.Length)];
                session = Session(id, user, Damage(fresh, defect), defect, language);
            }
            else if (draw < settings.InvalidFraction + settings.DuplicateFraction && valid.Count > 0)
            {
                var original = valid[random.Next(valid.Count)];
                session = Session(id, user, original.Messages!, "duplicate", Language(original));
            }
            else if (draw < settings.InvalidFraction + settings.DuplicateFraction + settings.RedeliveryFraction && valid.Count > 0)
            {
                var original = valid[random.Next(valid.Count)];
                session = original with { Metadata = original.Metadata! with { Properties = Properties("redelivery", Language(original)) } };
            }
            else
            {
                session = Session(id, user, fresh, "accepted", language);
                valid.Add(session);
            }

            yield return session;
        }
    }

    private static string Language(SessionEnded session) => session.Metadata?.Properties?["language"] ?? "en";

    private SessionEnded Session(string id, string user, IReadOnlyList<ChatMessage> messages, string expected, string language) => new()
    {
        SessionId = id,
        UserId = user,
        ModelName = settings.Model,
        Messages = messages,
        Metadata = new SessionMetadata
        {
            StartTime = messages.Select(m => m.Timestamp).DefaultIfEmpty(Epoch).Min(),
            EndTime = messages.Select(m => m.Timestamp).DefaultIfEmpty(Epoch).Max().AddMinutes(1),
            Properties = Properties(expected, language),
        },
    };

    private static Dictionary<string, string> Properties(string expected, string language) =>
        new() { ["expected"] = expected, ["language"] = language, ["generator"] = "sessions-admin generate" };

    private List<ChatMessage> Conversation(Random random, PhraseBank bank, DateTimeOffset start)
    {
        var messages = new List<ChatMessage> { new() { Role = "system", Content = bank.System, Timestamp = start } };
        var at = start;
        while (messages.Count < settings.Messages)
        {
            at = at.AddSeconds(random.Next(20, 180));
            var user = messages.Count % 2 == 1;
            var subject = Pick(random, bank.Subjects);
            var content = user
                ? $"{Pick(random, bank.Openers)} {string.Format(Pick(random, bank.Asks), subject)} {Pick(random, bank.Details)}? (#{random.Next(1000, 9999)})"
                : string.Format(Pick(random, bank.Answers), subject) + (random.Next(4) == 0 ? " " + Pick(random, bank.Closers) : "");
            messages.Add(new ChatMessage { Role = user ? "user" : "assistant", Content = content, Timestamp = at });
        }

        // Requirements ask for at least 5 minutes; short generated chats are stretched at their end.
        if (messages[^1].Timestamp - start < TimeSpan.FromMinutes(6))
        {
            messages[^1] = messages[^1] with { Timestamp = start.AddMinutes(6 + random.Next(0, 30)) };
        }

        return messages;
    }

    private static List<ChatMessage> Damage(List<ChatMessage> messages, string defect)
    {
        var damaged = messages.ToList();
        switch (defect)
        {
            case RejectionCodeNames.TooFewMessages:
                return damaged.Take(5).Select((m, i) => i == 4 ? m with { Timestamp = m.Timestamp.AddMinutes(10) } : m).ToList();
            case RejectionCodeNames.InvalidRole:
                damaged[3] = damaged[3] with { Role = "moderator" };
                return damaged;
            case RejectionCodeNames.EmptyContent:
                damaged[4] = damaged[4] with { Content = "   " };
                return damaged;
            case RejectionCodeNames.TimestampsOutOfOrder:
                damaged[5] = damaged[5] with { Timestamp = damaged[0].Timestamp.AddMinutes(-30) };
                return damaged;
            default: // too short: the whole chat within two minutes
                var start = damaged[0].Timestamp;
                return damaged.Select((m, i) => m with { Timestamp = start.AddSeconds(i) }).ToList();
        }
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}

/// <summary>The processor's rejection codes the generator produces on purpose (the admin tool does not reference the processor).</summary>
internal static class RejectionCodeNames
{
    public const string TooFewMessages = "too_few_messages";
    public const string InvalidRole = "invalid_role";
    public const string EmptyContent = "empty_content";
    public const string TimestampsOutOfOrder = "timestamps_out_of_order";
    public const string TooShort = "too_short";
}
