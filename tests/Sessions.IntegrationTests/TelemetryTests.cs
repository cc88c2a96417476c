using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests;

/// <summary>The services export traces over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set: one session is one trace across all three.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task One_session_is_one_trace_through_processor_validator_and_trainer()
    {
        var vhost = await TestServers.CreateRabbitVirtualHostAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var receiver = await OtlpTraceReceiver.StartAsync();
        var artifacts = Path.Combine(Path.GetTempPath(), $"sessions-otel-{vhost}");
        var environment = new Dictionary<string, string?>(database.Settings.Concat(EventLog.RabbitSettings(vhost)))
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Trainer:ArtifactsPath"] = artifacts,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        try
        {
            using var fleet = await ServiceFleet.StartAsync(vhost, environment,
                service => new Dictionary<string, string?> { ["OTEL_SERVICE_NAME"] = service.ToLowerInvariant() });
            await using var events = await EventLog.StartAsync(vhost);

            await events.Bus.Publish(Conversations.Valid("traced", turns: 13));
            await events.WaitFor<Sessions.Contracts.TrainingCompleted>(_ => true);

            string[] services = ["processor", "validator", "trainer"];
            await Eventually.Until(
                () => receiver.Spans.GroupBy(s => s.TraceId).Any(trace => services.All(name => trace.Any(s => s.Service == name))),
                TimeSpan.FromSeconds(60),
                "spans from all three services under one trace id");
            Assert.Contains(receiver.Spans, s => s.Service == "processor" && s.Name == "Process session");
        }
        finally
        {
            await TestServers.DeleteRabbitVirtualHostAsync(vhost);
            if (Directory.Exists(artifacts))
            {
                Directory.Delete(artifacts, recursive: true);
            }
        }
    }
}
