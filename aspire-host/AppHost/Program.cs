using Sessions.AppHost;

// The whole system as separate processes with the Aspire dashboard: RabbitMQ and PostgreSQL (Debian's binaries, or
// containers where a runtime answers), the migration step, processor, validator and trainer. See docs/aspire.md.
var builder = DistributedApplication.CreateBuilder(args);
var servers = ServerSettings.From(builder.Configuration);
var services = ServiceSettings.From(builder.Configuration);
var runtime = builder.Configuration["ASPIRE_CONTAINER_RUNTIME"] ?? builder.Configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"] ?? "docker";
var (mode, problem) = ServerChoice.Choose(servers, () => ServerChoice.ContainerRuntimeHealthy(runtime));
problem ??= services.Problem();
if (problem is not null)
{
    await Console.Error.WriteLineAsync($"sessions apphost: {problem}");
    return 2;
}

// Debian's binaries exist only on Linux: elsewhere ServerChoice finds none and Containers is the only mode left.
var resources = mode == ServerModes.Executables && OperatingSystem.IsLinux() ? builder.AddExecutableServers(servers) : builder.AddContainerServers();
builder.AddSessions(resources, services, servers.StateDir);
await builder.Build().RunAsync();
return 0;
