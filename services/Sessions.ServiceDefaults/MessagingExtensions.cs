using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Sessions.ServiceDefaults;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over the configured transport, with the given consumers on kebab-case endpoints.
    /// Plain JSON (content type <c>application/json</c>, no envelope) is accepted so chat backends
    /// in any language can publish <c>SessionEnded</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSessionsMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> addConsumers)
    {
        builder.Services.AddSessionsMessaging(builder.Configuration, addConsumers);
        return builder;
    }

    public static IServiceCollection AddSessionsMessaging(this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator> addConsumers)
    {
        var section = configuration.GetSection(MessagingOptions.SectionName);
        var options = section.Get<MessagingOptions>() ?? new MessagingOptions();
        services.Configure<MessagingOptions>(section);
        services.AddSessionsMessageObservers();
        BoundStops(services, options);
        WatchForStalledEndpoints(services, options);

        services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            addConsumers(x);

            if (string.Equals(options.Transport, MessagingTransport.RabbitMq, StringComparison.OrdinalIgnoreCase))
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = options.RabbitMq;
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                    });
                    cfg.PrefetchCount = rabbit.PrefetchCount;
                    cfg.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: false);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else if (string.Equals(options.Transport, MessagingTransport.InMemory, StringComparison.OrdinalIgnoreCase))
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: false);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                throw new InvalidOperationException(
                    $"Unknown Messaging:Transport '{options.Transport}'. Use '{MessagingTransport.InMemory}' or '{MessagingTransport.RabbitMq}'.");
            }
        });
        return services;
    }

    /// <summary>
    /// Bounded stops. MassTransit's endpoint waits for every delivery in flight to finish before it stops, and a lost
    /// connection stops it; one delivery that never finishes (likely a publish waiting for a confirm from the dead connection)
    /// then kept the endpoint from ever reconnecting.
    /// </summary>
    private static void BoundStops(IServiceCollection services, MessagingOptions options)
    {
        if (options.ConsumerStopTimeout <= TimeSpan.Zero || options.StopTimeout < options.ConsumerStopTimeout)
        {
            throw new InvalidOperationException(
                $"Messaging:ConsumerStopTimeout ({options.ConsumerStopTimeout}) must be positive and at most Messaging:StopTimeout ({options.StopTimeout}).");
        }

        services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.ConsumerStopTimeout = options.ConsumerStopTimeout;
            host.StopTimeout = options.StopTimeout;
        });
    }

    /// <summary>RabbitMQ only: endpoint readiness in <c>/health</c>, and the watchdog unless turned off.</summary>
    private static void WatchForStalledEndpoints(IServiceCollection services, MessagingOptions options)
    {
        if (options.StalledEndpointExitAfter < TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"Messaging:StalledEndpointExitAfter ({options.StalledEndpointExitAfter}) must not be negative; zero turns the watchdog off.");
        }

        if (!string.Equals(options.Transport, MessagingTransport.RabbitMq, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EndpointReadiness>();
        services.AddReceiveEndpointObserver<EndpointReadinessObserver>();
        services.AddHealthChecks().AddCheck<EndpointReadinessHealthCheck>(EndpointReadinessHealthCheck.Name, tags: ["ready"]);
        if (options.StalledEndpointExitAfter == TimeSpan.Zero)
        {
            return;
        }

        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<StalledEndpointWatchdog>(sp, options));
    }

    /// <summary>What every bus of the project observes (queue lag); the test harness adds the same.</summary>
    public static IServiceCollection AddSessionsMessageObservers(this IServiceCollection services) =>
        services.AddConsumeObserver<QueueLagObserver>();
}
