namespace Sessions.AppHost;

/// <summary>What the services reference (connection strings) and wait for (a server that answers).</summary>
public sealed record ServerResources(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResource> DatabaseServer,
    IResourceBuilder<IResourceWithConnectionString> Broker,
    IResourceBuilder<IResource> BrokerServer);
