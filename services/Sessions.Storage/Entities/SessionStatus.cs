namespace Sessions.Storage.Entities;

public static class SessionStatus
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}
