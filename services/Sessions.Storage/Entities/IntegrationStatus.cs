namespace Sessions.Storage.Entities;

public static class IntegrationStatus
{
    public const string Running = "running";
    public const string Committed = "committed";
    public const string Failed = "failed";
    public const string RolledBack = "rolled_back";
}
