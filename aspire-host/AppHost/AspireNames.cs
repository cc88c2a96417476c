namespace Sessions.AppHost;

/// <summary>
/// Resource names that the services read back as connection string names (Sessions.ServiceDefaults'
/// AspireConnectionStrings; not referenced from here, to keep MassTransit out of the AppHost; the Aspire test fails if they part).
/// </summary>
public static class AspireNames
{
    public const string Database = "sessions-db";
    public const string Broker = "messaging";

    /// <summary>The PostgreSQL database the services share.</summary>
    public const string DatabaseName = "sessions";
}
