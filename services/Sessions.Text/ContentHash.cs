using System.Security.Cryptography;
using System.Text;

namespace Sessions.Text;

/// <summary>SHA-256 of normalized text: the natural key for exact-duplicate detection and idempotency.</summary>
public static class ContentHash
{
    public static string Of(IEnumerable<(string Role, string Content)> messages) =>
        OfNormalized(messages.Select(m => (m.Role, TextNormalizer.Normalize(m.Content))));

    /// <summary>The same hash from contents already passed through <see cref="TextNormalizer.Normalize"/>: a caller hashing many variants of one history normalizes it once.</summary>
    public static string OfNormalized(IEnumerable<(string Role, string NormalizedContent)> messages)
    {
        var builder = new StringBuilder();
        foreach (var (role, content) in messages)
        {
            builder.Append(role).Append('\u001f').Append(content).Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
