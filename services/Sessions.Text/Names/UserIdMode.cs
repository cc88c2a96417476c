namespace Sessions.Text.Names;

/// <summary>What happens to a user id that looks like PII (an e-mail address, a phone number, …).</summary>
public enum UserIdMode
{
    /// <summary>Stored as sent.</summary>
    Keep,

    /// <summary>Replaced by <c>hmac:</c> and an HMAC-SHA256 of the id under <see cref="UserIdOptions.Secret"/>: the same user keeps one pseudonym.</summary>
    Hash,

    /// <summary>Replaced by <c>&lt;REDACTED&gt;</c>.</summary>
    Redact,
}
