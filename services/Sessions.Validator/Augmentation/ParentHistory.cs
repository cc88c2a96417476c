using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sessions.Text;

namespace Sessions.Validator.Augmentation;

/// <summary>
/// A parent example's messages, parsed, normalized and serialized once; each augmented copy rewrites only the last
/// user turn. The JSON and the content hash's input are kept as the parts before and after that turn's content, so
/// a copy costs its own turn only: re-serializing and re-hashing the whole history per copy (16 per example) was most
/// of the validator's allocations under load. The results are the same bytes as serializing the edited
/// <see cref="JsonArray"/> and <see cref="ContentHash.OfNormalized"/>.
/// </summary>
internal sealed class ParentHistory
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _jsonBefore;
    private readonly string _jsonAfter;
    private readonly byte[] _hashBefore;
    private readonly byte[] _hashAfter;

    public ParentHistory(string messagesJson)
    {
        var messages = JsonNode.Parse(messagesJson)!.AsArray();
        var normalized = messages.Select(m => ((string)m!["role"]!, TextNormalizer.Normalize((string)m["content"]!))).ToArray();
        var lastUser = Array.FindLastIndex(normalized, m => m.Item1 == "user");
        if (lastUser < 0)
        {
            throw new ArgumentException("the example has no user turn to rewrite", nameof(messagesJson));
        }

        (_jsonBefore, _jsonAfter) = SplitAroundContent(messages, lastUser);
        var before = new StringBuilder();
        var after = new StringBuilder();
        for (var i = 0; i < normalized.Length; i++)
        {
            var (role, content) = normalized[i];
            if (i < lastUser)
            {
                before.Append(role).Append('\u001f').Append(content).Append('\u001e');
            }
            else if (i == lastUser)
            {
                before.Append(role).Append('\u001f');
                after.Append('\u001e');
            }
            else
            {
                after.Append(role).Append('\u001f').Append(content).Append('\u001e');
            }
        }

        // The parts meet the rewritten content at U+001F and U+001E, never inside a surrogate pair, so encoding them
        // apart gives the bytes of encoding the whole.
        _hashBefore = Encoding.UTF8.GetBytes(before.ToString());
        _hashAfter = Encoding.UTF8.GetBytes(after.ToString());
    }

    /// <summary>The messages JSON and content hash of the history with <paramref name="user"/> as its last user turn.</summary>
    public (string MessagesJson, string ContentHash) With(string user) =>
        (string.Concat(_jsonBefore, JsonSerializer.Serialize(user, Json), _jsonAfter), HashWith(TextNormalizer.Normalize(user)));

    private string HashWith(string normalizedUser)
    {
        var length = _hashBefore.Length + Encoding.UTF8.GetByteCount(normalizedUser) + _hashAfter.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            _hashBefore.CopyTo(buffer, 0);
            var written = Encoding.UTF8.GetBytes(normalizedUser, buffer.AsSpan(_hashBefore.Length));
            _hashAfter.CopyTo(buffer, _hashBefore.Length + written);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Serializes the history once with a marker as the turn's content and cuts it out: the marker is written as is
    // (hex digits need no escaping), and one that happens to occur elsewhere is replaced by another.
    private static (string Before, string After) SplitAroundContent(JsonArray messages, int index)
    {
        while (true)
        {
            var marker = Guid.NewGuid().ToString("N");
            messages[index]!["content"] = marker;
            var json = messages.ToJsonString(Json);
            var quoted = "\"" + marker + "\"";
            var at = json.IndexOf(quoted, StringComparison.Ordinal);
            if (at >= 0 && json.IndexOf(marker, at + quoted.Length, StringComparison.Ordinal) < 0 && json.IndexOf(marker, StringComparison.Ordinal) == at + 1)
            {
                return (json[..at], json[(at + quoted.Length)..]);
            }
        }
    }
}
