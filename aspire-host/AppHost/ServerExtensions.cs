using System.Runtime.Versioning;

namespace Sessions.AppHost;

/// <summary>RabbitMQ and PostgreSQL as Aspire's standard container resources, or as Debian's binaries.</summary>
public static class ServerExtensions
{
    public static ServerResources AddContainerServers(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres");
        var database = postgres.AddDatabase(AspireNames.Database, databaseName: AspireNames.DatabaseName);
        var rabbit = builder.AddRabbitMQ(AspireNames.Broker).WithManagementPlugin();
        return new ServerResources(
            builder.CreateResourceBuilder<IResourceWithConnectionString>(database.Resource),
            builder.CreateResourceBuilder<IResource>(database.Resource),
            builder.CreateResourceBuilder<IResourceWithConnectionString>(rabbit.Resource),
            builder.CreateResourceBuilder<IResource>(rabbit.Resource));
    }

    [SupportedOSPlatform("linux")]
    public static ServerResources AddExecutableServers(this IDistributedApplicationBuilder builder, ServerSettings settings)
    {
        var (database, databaseServer) = builder.AddPostgresExecutable(settings);
        var (broker, brokerServer) = builder.AddRabbitMqExecutable(settings);
        return new ServerResources(database, databaseServer, broker, brokerServer);
    }
}
