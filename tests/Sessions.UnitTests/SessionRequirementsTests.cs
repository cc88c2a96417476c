using Sessions.Contracts;
using Sessions.Processor;
using Sessions.Processor.Requirements;

namespace Sessions.UnitTests;

public class SessionRequirementsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private readonly SessionRequirements _requirements = new(new SessionRequirementsOptions());

    private string[] Codes(SessionEnded session) => _requirements.Check(session, Now).Select(r => r.Code).Order().ToArray();

    [Fact]
    public void A_valid_session_has_no_reasons() => Assert.Empty(Codes(Conversations.Valid()));

    public static TheoryData<string, Func<SessionEnded, SessionEnded>, string[]> Violations() => new()
    {
        { "no messages", s => s with { Messages = [] }, [RejectionCodes.TooFewMessages] },
        { "null messages", s => s with { Messages = null }, [RejectionCodes.TooFewMessages] },
        { "nine messages", s => s with { Messages = s.Messages!.Take(9).ToList() }, [RejectionCodes.TooFewMessages] },
        { "1001 messages", s => Conversations.Valid(turns: 1001) with { Metadata = null }, [RejectionCodes.TooManyMessages] },
        { "missing id", s => s with { SessionId = "" }, [RejectionCodes.MissingSessionId] },
        { "non-ASCII id", s => s with { SessionId = "sessión" }, [RejectionCodes.InvalidSessionId] },
        { "201-char id", s => s with { SessionId = new string('a', 201) }, [RejectionCodes.InvalidSessionId] },
        { "id with a space", s => s with { SessionId = "has space" }, [RejectionCodes.InvalidSessionId] },
        { "id with markup", s => s with { SessionId = "id[bot]" }, [RejectionCodes.InvalidSessionId] },
        { "path-like model", s => s with { ModelName = "../../x" }, [RejectionCodes.InvalidModelName] },
        { "absolute model", s => s with { ModelName = "/some/absolute/dir" }, [RejectionCodes.InvalidModelName] },
        { "dot-dot model", s => s with { ModelName = ".." }, [RejectionCodes.InvalidModelName] },
        { "markup model", s => s with { ModelName = "support[bot]" }, [RejectionCodes.InvalidModelName] },
        { "NUL model", s => s with { ModelName = "a\0b" }, [RejectionCodes.InvalidModelName] },
        { "NUL user id", s => s with { UserId = "u\0" }, [RejectionCodes.InvalidUserId] },
        { "year 0001 message", s => Replace(s, 0, m => m with { Timestamp = new DateTimeOffset(1, 1, 2, 0, 0, 0, TimeSpan.Zero) }) with { Metadata = null }, [RejectionCodes.TimestampOutOfRange, RejectionCodes.TooLong] },
        { "1999 metadata start", s => s with { Metadata = new SessionMetadata { StartTime = new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero), EndTime = Conversations.Start.AddMinutes(10) } }, [RejectionCodes.TimestampOutOfRange, RejectionCodes.TooLong] },
        { "role tool", s => Replace(s, 3, m => m with { Role = "tool" }), [RejectionCodes.InvalidRole] },
        { "role SYSTEM", s => Replace(s, 0, m => m with { Role = "SYSTEM" }), [RejectionCodes.InvalidRole] },
        { "blank content", s => Replace(s, 2, m => m with { Content = "  \t" }), [RejectionCodes.EmptyContent] },
        { "10 MB message", s => Replace(s, 2, m => m with { Content = new string('x', 10 * 1024 * 1024) }), [RejectionCodes.MessageTooLong] },
        { "out of order", s => Replace(s, 5, m => m with { Timestamp = Conversations.Start.AddSeconds(30) }), [RejectionCodes.TimestampsOutOfOrder] },
        { "future", s => Replace(s, 11, m => m with { Timestamp = Now.AddDays(1) }) with { Metadata = null }, [RejectionCodes.TimestampInFuture, RejectionCodes.TooLong] },
        { "two minutes", s => s with { Metadata = new SessionMetadata { StartTime = Conversations.Start, EndTime = Conversations.Start.AddMinutes(2) } }, [RejectionCodes.TooShort] },
        { "thirty hours", s => s with { Metadata = new SessionMetadata { StartTime = Conversations.Start, EndTime = Conversations.Start.AddHours(30) } }, [RejectionCodes.TooLong] },
        { "end before start", s => s with { Metadata = new SessionMetadata { StartTime = Conversations.Start, EndTime = Conversations.Start.AddHours(-1) } }, [RejectionCodes.EndBeforeStart] },
        { "lone high surrogate", s => Replace(s, 2, m => m with { Content = "broken \ud83d text" }), [RejectionCodes.InvalidEncoding] },
        { "lone low surrogate", s => Replace(s, 2, m => m with { Content = "\ude00 at the start" }), [RejectionCodes.InvalidEncoding] },
        { "NUL byte", s => Replace(s, 2, m => m with { Content = "null\0byte" }), [RejectionCodes.ControlCharacters] },
        { "escape sequence", s => Replace(s, 2, m => m with { Content = "\u001b[31mred" }), [RejectionCodes.ControlCharacters] },
        { "tabs and newlines are fine", s => Replace(s, 2, m => m with { Content = "line one\n\tline two\r\n" }), [] },
        { "emoji pairs are fine", s => Replace(s, 2, m => m with { Content = "thanks 🙂👍" }), [] },
        { "two problems", s => Replace(Replace(s, 3, m => m with { Role = "tool" }), 4, m => m with { Content = "" }), [RejectionCodes.EmptyContent, RejectionCodes.InvalidRole] },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Every_violated_rule_is_reported_once(string name, Func<SessionEnded, SessionEnded> change, string[] expected)
    {
        var codes = Codes(change(Conversations.Valid()));
        Assert.True(expected.Order().SequenceEqual(codes), $"{name}: expected [{string.Join(",", expected)}], got [{string.Join(",", codes)}]");
    }

    [Fact]
    public void Many_offending_messages_give_one_reason_with_a_bounded_detail()
    {
        var session = Conversations.Valid();
        for (var i = 1; i < 11; i++)
        {
            session = Replace(session, i, m => m with { Role = "tool" });
        }

        var reason = Assert.Single(_requirements.Check(session, Now));
        Assert.Equal(RejectionCodes.InvalidRole, reason.Code);
        Assert.Contains("and 7 more", reason.Detail);
    }

    private static SessionEnded Replace(SessionEnded session, int index, Func<ChatMessage, ChatMessage> change)
    {
        var messages = session.Messages!.ToList();
        messages[index] = change(messages[index]);
        return session with { Messages = messages };
    }
}
