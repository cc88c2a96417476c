using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Sessions.ServiceDefaults;

public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters exported: MassTransit's own and the project's.</summary>
    public static readonly string[] Sources = ["MassTransit", "Sessions.*"];

    /// <summary>
    /// Exports traces, metrics and logs over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// OpenTelemetry.Extensions.Hosting does not restore here, so the providers are built with the SDK
    /// directly and disposed with the container (which flushes them).
    /// </summary>
    public static IHostApplicationBuilder AddSessionsTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);

        var tracer = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(Sources)
            .AddOtlpExporter()
            .Build();
        var meter = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Sources)
            .AddOtlpExporter()
            .Build();
        builder.Services.AddSingleton(tracer);
        builder.Services.AddSingleton(meter);

        builder.Logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(resource);
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter();
        });
        return builder;
    }
}
