namespace Sessions.Storage.Entities;

public static class ExampleStatus
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}
