namespace Sessions.Text.Names;

/// <summary>Bound from <c>Processor:UserIds</c>. The default redacts; <see cref="UserIdMode.Hash"/> needs a secret of at least 16 characters.</summary>
public class UserIdOptions
{
    public UserIdMode Mode { get; set; } = UserIdMode.Redact;

    /// <summary>The HMAC key for <see cref="UserIdMode.Hash"/>; keep it out of the database (environment or a secret store).</summary>
    public string? Secret { get; set; }
}
