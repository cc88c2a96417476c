using System.Text.Json;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Text.Names;

namespace Sessions.Processor.Consumers;

/// <summary>Maps a session and its outcome to stored rows, and stored rows back to the events they produced.</summary>
internal static class SessionRecords
{
    // Stored text stays readable: placeholders like <EMAIL> and non-ASCII letters are not \u-escaped (this JSON is never put into HTML).
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static SessionRecord Session(SessionEnded session, SessionOutcome outcome, DateTime now, UserIdProtector userIds) => new()
    {
        SessionId = session.SessionId,
        // A user id that breaks the rule is not kept (the session is rejected for it); one that looks like PII is protected.
        UserId = UserIdProtector.Problem(session.UserId) is null ? userIds.Protect(session.UserId) : "",
        ModelName = ModelName(session),
        Status = outcome.Accepted ? SessionStatus.Accepted : SessionStatus.Rejected,
        MessageCount = session.Messages?.Count ?? 0,
        StartTime = session.Metadata?.StartTime?.UtcDateTime,
        EndTime = session.Metadata?.EndTime?.UtcDateTime,
        ReceivedAt = now,
        // A rejected session's content is not kept: it may be huge or hostile, and the reasons say why.
        MessagesJson = outcome.Accepted ? JsonSerializer.Serialize(outcome.Redacted!.Messages, Json) : null,
        RejectionReasonsJson = outcome.Accepted ? null : JsonSerializer.Serialize(outcome.Reasons, Json),
        ExampleCount = outcome.Examples.Count,
        EmbeddingCount = outcome.Embeddings.Count,
        DataQuality = outcome.DataQuality,
        PiiCountsJson = outcome.Accepted ? JsonSerializer.Serialize(outcome.PiiCounts, Json) : null,
        SourcesJson = outcome.Accepted
            ? JsonSerializer.Serialize(outcome.Sources.Select(r => new { name = r.Name, required = r.Required, succeeded = r.Succeeded, error = r.Error, data = r.Data }), Json)
            : null,
    };

    public static IEnumerable<ExampleRecord> Examples(SessionEnded session, SessionOutcome outcome, DateTime now) =>
        outcome.Examples.Select(e => new ExampleRecord
        {
            SessionId = session.SessionId,
            ModelName = ModelName(session),
            MessagesJson = JsonSerializer.Serialize(e.Messages.Select(m => new { role = m.Role, content = m.Content }), Json),
            ContentHash = e.ContentHash,
            TokenCount = e.TokenCount,
            FirstMessageIndex = e.FirstMessageIndex,
            LastMessageIndex = e.LastMessageIndex,
            CreatedAt = now,
        });

    public static IEnumerable<EmbeddingRecord> Embeddings(SessionEnded session, SessionOutcome outcome, string model) =>
        outcome.Embeddings.Select(e => new EmbeddingRecord
        {
            SessionId = session.SessionId,
            MessageIndex = e.MessageIndex,
            Model = model,
            Dimension = e.Vector.Length,
            Vector = StoredVector.ToBytes(e.Vector),
        });

    public static SessionRejected Rejected(SessionRecord stored) =>
        new(stored.SessionId, stored.ModelName, JsonSerializer.Deserialize<List<RejectionReason>>(stored.RejectionReasonsJson ?? "[]") ?? []);

    public static SessionProcessed Processed(SessionRecord stored) =>
        new(stored.SessionId, stored.ModelName, stored.ExampleCount, stored.EmbeddingCount);

    /// <summary>The stored model name: "default" when none was sent, a placeholder that no valid name can equal when it breaks the rule.</summary>
    public static string ModelName(SessionEnded session) =>
        string.IsNullOrWhiteSpace(session.ModelName) ? "default"
        : ModelNames.IsValid(session.ModelName) ? session.ModelName : ModelNames.InvalidPlaceholder;
}
