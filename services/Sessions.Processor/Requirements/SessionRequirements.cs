using Sessions.Contracts;
using Sessions.Text.Names;

namespace Sessions.Processor.Requirements;

/// <summary>The session requirements of DESIGN.md; every violated rule is reported once, with the first offenders.</summary>
public sealed class SessionRequirements(SessionRequirementsOptions options)
{
    private static readonly HashSet<string> Roles = ["system", "user", "assistant"];
    private const int ExamplesInDetail = 3;

    public IReadOnlyList<RejectionReason> Check(SessionEnded session, DateTimeOffset now)
    {
        var reasons = new List<RejectionReason>();
        CheckSessionId(session.SessionId, reasons);
        if (!string.IsNullOrWhiteSpace(session.ModelName) && ModelNames.Problem(session.ModelName) is { } modelProblem)
        {
            reasons.Add(new(RejectionCodes.InvalidModelName, modelProblem));
        }

        if (UserIdProtector.Problem(session.UserId) is { } userProblem)
        {
            reasons.Add(new(RejectionCodes.InvalidUserId, userProblem));
        }

        CheckMetadataTimes(session.Metadata, reasons);

        var messages = session.Messages ?? [];
        if (messages.Count < options.MinMessages)
        {
            reasons.Add(new(RejectionCodes.TooFewMessages, $"{messages.Count} messages; at least {options.MinMessages} required"));
        }
        else if (messages.Count > options.MaxMessages)
        {
            reasons.Add(new(RejectionCodes.TooManyMessages, $"{messages.Count} messages; at most {options.MaxMessages} allowed"));
        }

        var offenders = new Dictionary<string, List<string>>();
        void Offend(string code, string what)
        {
            if (!offenders.TryGetValue(code, out var list))
            {
                offenders[code] = list = [];
            }

            list.Add(what);
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            if (m is null)
            {
                Offend(RejectionCodes.EmptyContent, $"message {i} is null");
                continue;
            }

            if (!Roles.Contains(m.Role ?? ""))
            {
                Offend(RejectionCodes.InvalidRole, $"message {i} has role '{Shorten(m.Role)}'");
            }

            if (string.IsNullOrWhiteSpace(m.Content))
            {
                Offend(RejectionCodes.EmptyContent, $"message {i} is empty");
            }
            else if (m.Content.Length > options.MaxMessageChars)
            {
                Offend(RejectionCodes.MessageTooLong, $"message {i} has {m.Content.Length} characters (at most {options.MaxMessageChars})");
            }
            else if (TextChecks.FirstLoneSurrogate(m.Content) is { } surrogate)
            {
                Offend(RejectionCodes.InvalidEncoding, $"message {i} has an unpaired UTF-16 surrogate at {surrogate}");
            }
            else if (TextChecks.FirstControlCharacter(m.Content) is { } control)
            {
                Offend(RejectionCodes.ControlCharacters, $"message {i} has control character U+{(int)m.Content[control]:X4} at {control}");
            }

            if (m.Timestamp == default)
            {
                Offend(RejectionCodes.MissingTimestamp, $"message {i} has no timestamp");
            }
            else if (m.Timestamp < options.MinTimestamp)
            {
                Offend(RejectionCodes.TimestampOutOfRange, $"message {i} at {m.Timestamp:O} is before {options.MinTimestamp:O}");
            }
            else if (m.Timestamp > now + options.FutureTolerance)
            {
                Offend(RejectionCodes.TimestampInFuture, $"message {i} at {m.Timestamp:O}");
            }

            if (i > 0 && messages[i - 1] is { } previous && m.Timestamp < previous.Timestamp && m.Timestamp != default)
            {
                Offend(RejectionCodes.TimestampsOutOfOrder, $"message {i} at {m.Timestamp:O} precedes message {i - 1} at {previous.Timestamp:O}");
            }
        }

        foreach (var (code, list) in offenders)
        {
            var detail = string.Join("; ", list.Take(ExamplesInDetail)) + (list.Count > ExamplesInDetail ? $"; and {list.Count - ExamplesInDetail} more" : "");
            reasons.Add(new(code, detail));
        }

        CheckDuration(session, messages, reasons);
        return reasons;
    }

    private void CheckSessionId(string? sessionId, List<RejectionReason> reasons)
    {
        if (string.IsNullOrWhiteSpace(sessionId))
        {
            reasons.Add(new(RejectionCodes.MissingSessionId, "the session has no id"));
        }
        else if (sessionId.Length > options.MaxSessionIdLength || SessionIds.Problem(sessionId) is not null)
        {
            reasons.Add(new(RejectionCodes.InvalidSessionId, SessionIds.Problem(sessionId) ?? $"at most {options.MaxSessionIdLength} characters"));
        }
    }

    private void CheckMetadataTimes(SessionMetadata? metadata, List<RejectionReason> reasons)
    {
        foreach (var (what, time) in new[] { ("start time", metadata?.StartTime), ("end time", metadata?.EndTime) })
        {
            if (time is { } t && t < options.MinTimestamp)
            {
                reasons.Add(new(RejectionCodes.TimestampOutOfRange, $"the metadata {what} {t:O} is before {options.MinTimestamp:O}"));
            }
        }
    }

    private void CheckDuration(SessionEnded session, IReadOnlyList<ChatMessage> messages, List<RejectionReason> reasons)
    {
        var stamped = messages.Where(m => m is not null && m.Timestamp != default).ToList();
        var start = session.Metadata?.StartTime ?? stamped.FirstOrDefault()?.Timestamp;
        var end = session.Metadata?.EndTime ?? stamped.LastOrDefault()?.Timestamp;
        if (start is null || end is null)
        {
            return;
        }

        var duration = end.Value - start.Value;
        if (duration < TimeSpan.Zero)
        {
            reasons.Add(new(RejectionCodes.EndBeforeStart, $"ends at {end:O}, before its start at {start:O}"));
        }
        else if (duration < options.MinDuration)
        {
            reasons.Add(new(RejectionCodes.TooShort, $"lasted {duration}; at least {options.MinDuration} required"));
        }
        else if (duration > options.MaxDuration)
        {
            reasons.Add(new(RejectionCodes.TooLong, $"lasted {duration}; at most {options.MaxDuration} allowed"));
        }
    }

    private static string Shorten(string? value) =>
        value is null ? "(none)" : value.Length <= 32 ? value : value[..32] + "…";
}
