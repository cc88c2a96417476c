using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Sessions.Storage;

public static class StorageExtensions
{
    /// <summary>Pooled <see cref="SessionsDbContext"/> for the configured provider, the start-up migration step and a readiness check.</summary>
    public static IHostApplicationBuilder AddSessionsStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSessionsStorage(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddSessionsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);
        services.Configure<DatabaseOptions>(section);

        services.AddPooledDbContextFactory<SessionsDbContext>(b => StorageProviders.Configure(b, options));
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContext());

        // Registered before the bus so that consumers never see an unmigrated database.
        services.AddHostedService<DatabaseMigrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }
}
