using System.Text.Json;
using Sessions.Contracts;

namespace Sessions.Admin.Ingest;

/// <summary>
/// The sessions of one file as they are sent: the first of each id; an identical repeat (same id, same content) is
/// sent once; a different session under an id already in the file is not sent at all and counts as
/// <c>duplicate_session_id</c> — the processor would only re-publish the first one's outcome, so nothing would answer for it.
/// </summary>
public sealed record IngestionBatch(IReadOnlyList<SessionEnded> ToPublish, int IdenticalRepeats, int ConflictingDuplicates)
{
    public const string DuplicateSessionId = "duplicate_session_id";

    public static IngestionBatch Of(IEnumerable<SessionEnded> sessions)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var publish = new List<SessionEnded>();
        int identical = 0, conflicting = 0;
        foreach (var session in sessions)
        {
            if (string.IsNullOrWhiteSpace(session.SessionId))
            {
                publish.Add(session); // rejected by the processor as missing_session_id, one answer each
                continue;
            }

            var content = JsonSerializer.Serialize(session, SessionFile.Json);
            if (!first.TryGetValue(session.SessionId, out var seen))
            {
                first[session.SessionId] = content;
                publish.Add(session);
            }
            else if (seen == content)
            {
                identical++;
            }
            else
            {
                conflicting++;
            }
        }

        return new IngestionBatch(publish, identical, conflicting);
    }
}
