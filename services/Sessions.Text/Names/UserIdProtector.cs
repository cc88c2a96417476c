using System.Security.Cryptography;
using System.Text;
using Sessions.Text.Redaction;

namespace Sessions.Text.Names;

/// <summary>
/// What may be stored of a user id: at most 200 printable characters (longer or control-bearing ids are refused by the
/// caller), and an id that the PII redactor would redact (e-mail, phone, card, IP, IBAN) is kept, pseudonymised or
/// redacted as configured.
/// </summary>
public sealed class UserIdProtector
{
    public const int MaxLength = 200;
    public const string Redacted = "<REDACTED>";
    private static readonly PiiRedactor Detector = new(new RedactionOptions());
    private readonly UserIdOptions _options;

    public UserIdProtector(UserIdOptions options)
    {
        if (options.Mode == UserIdMode.Hash && (options.Secret is null || options.Secret.Length < 16))
        {
            throw new ArgumentException("Processor:UserIds:Mode=Hash needs Processor:UserIds:Secret of at least 16 characters");
        }

        _options = options;
    }

    /// <summary>Why <paramref name="userId"/> cannot be stored at all, or null. An empty id is allowed (anonymous).</summary>
    public static string? Problem(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        if (userId.Length > MaxLength)
        {
            return $"the user id has {userId.Length} characters; at most {MaxLength}";
        }

        return userId.Any(char.IsControl) || userId.Any(char.IsSurrogate) ? "the user id has control or unpaired surrogate characters" : null;
    }

    public static bool LooksLikePii(string userId) => Detector.Redact(userId).Total > 0;

    public string Protect(string? userId)
    {
        if (string.IsNullOrEmpty(userId) || _options.Mode == UserIdMode.Keep || !LooksLikePii(userId))
        {
            return userId ?? "";
        }

        if (_options.Mode == UserIdMode.Redact)
        {
            return Redacted;
        }

        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(_options.Secret!), Encoding.UTF8.GetBytes(userId));
        return "hmac:" + Convert.ToHexStringLower(mac);
    }
}
