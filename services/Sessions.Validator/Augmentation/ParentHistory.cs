using System.Text.Json;
using System.Text.Json.Nodes;
using Sessions.Text;

namespace Sessions.Validator.Augmentation;

/// <summary>
/// A parent example's messages, parsed and normalized once; each augmented copy rewrites only the last user turn.
/// Normalizing the whole history again for every copy's content hash was a fifth of the validator's CPU under load.
/// </summary>
internal sealed class ParentHistory
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly JsonArray _messages;
    private readonly (string Role, string Content)[] _normalized;
    private readonly int _lastUser;

    public ParentHistory(string messagesJson)
    {
        _messages = JsonNode.Parse(messagesJson)!.AsArray();
        _normalized = _messages.Select(m => ((string)m!["role"]!, TextNormalizer.Normalize((string)m["content"]!))).ToArray();
        _lastUser = Array.FindLastIndex(_normalized, m => m.Role == "user");
    }

    /// <summary>The messages JSON and content hash of the history with <paramref name="user"/> as its last user turn.</summary>
    public (string MessagesJson, string ContentHash) With(string user)
    {
        _messages[_lastUser]!["content"] = user;
        var rewritten = TextNormalizer.Normalize(user);
        var pairs = _normalized.Select((m, i) => i == _lastUser ? (m.Role, rewritten) : m);
        return (_messages.ToJsonString(Json), Sessions.Text.ContentHash.OfNormalized(pairs));
    }
}
