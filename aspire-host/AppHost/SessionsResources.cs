namespace Sessions.AppHost;

/// <summary>
/// The three services as project resources, after the one-shot migration step (<c>sessions-admin migrate</c>) they wait for,
/// and two admin steps started from the dashboard: ingesting the bundled sample and a manual training request.
/// </summary>
public static class SessionsResources
{
    public static IDistributedApplicationBuilder AddSessions(this IDistributedApplicationBuilder builder, ServerResources servers, ServiceSettings services, string stateDir)
    {
        var migrate = builder.AddProject<Projects.Sessions_Admin>("migrate")
            .WithArgs("migrate")
            .WithReference(servers.Database).WaitFor(servers.DatabaseServer)
            .WithSessionsEnvironment(services);

        builder.AddService<Projects.Sessions_Processor>("processor", services.ProcessorReplicas, servers, migrate, services);
        builder.AddService<Projects.Sessions_Validator>("validator", services.ValidatorReplicas, servers, migrate, services);
        var trainer = builder.AddService<Projects.Sessions_Trainer>("trainer", services.TrainerReplicas, servers, migrate, services)
            .WithEnvironment("Trainer__ArtifactsPath", Path.Combine(stateDir, "artifacts"));

        var sample = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", "samples", "sessions.jsonl"));
        builder.AddAdminStep("ingest-sample", servers, services, "ingest", sample).WaitFor(trainer);
        builder.AddAdminStep("train-now", servers, services, "train", "--force", "--requested-by", "aspire-dashboard").WaitFor(trainer);
        return builder;
    }

    private static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder, string name, int replicas, ServerResources servers,
        IResourceBuilder<ProjectResource> migrate, ServiceSettings services)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint(name: "http")
            .WithSessionsUrls()
            .WithHttpHealthCheck("/health")
            .WithReplicas(replicas)
            .WithReference(servers.Database).WaitFor(servers.DatabaseServer)
            .WithReference(servers.Broker).WaitFor(servers.BrokerServer)
            .WaitForCompletion(migrate)
            .WithEnvironment("Database__ApplyMigrations", "false")
            .WithSessionsEnvironment(services);

    /// <summary>An admin command that runs when started from the dashboard (Start), not with the AppHost.</summary>
    private static IResourceBuilder<ProjectResource> AddAdminStep(
        this IDistributedApplicationBuilder builder, string name, ServerResources servers, ServiceSettings services, params string[] args) =>
        builder.AddProject<Projects.Sessions_Admin>(name)
            .WithArgs(args)
            .WithReference(servers.Database)
            .WithReference(servers.Broker).WaitFor(servers.BrokerServer)
            .WithSessionsEnvironment(services)
            .WithExplicitStart();

    /// <summary>
    /// Aspire gives a project its port in ASPNETCORE_URLS, but the services' appsettings.json names a fixed <c>Urls</c>, which
    /// wins over ASPNETCORE_-prefixed variables; the same value as a plain <c>URLS</c> variable wins over appsettings.json.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithSessionsUrls(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment(context =>
        {
            if (context.EnvironmentVariables.TryGetValue("ASPNETCORE_URLS", out var urls))
            {
                context.EnvironmentVariables["URLS"] = urls;
            }
        });

    private static IResourceBuilder<ProjectResource> WithSessionsEnvironment(this IResourceBuilder<ProjectResource> project, ServiceSettings services)
    {
        foreach (var (name, value) in services.Environment)
        {
            project.WithEnvironment(name, value);
        }

        return project;
    }
}
