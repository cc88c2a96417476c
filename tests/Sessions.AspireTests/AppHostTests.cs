using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.UnitTests;

namespace Sessions.AspireTests;

/// <summary>
/// The Aspire AppHost on Debian's RabbitMQ and PostgreSQL (executables, no container runtime), on free ports and in a
/// folder of its own: every resource becomes healthy, sessions published as a chat backend would (raw JSON on the
/// exchange) end in PostgreSQL, one session is one trace across the three services, and nothing is left running.
/// </summary>
public sealed class AppHostTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly string[] Services = ["processor", "validator", "trainer"];

    [Fact]
    public async Task The_AppHost_runs_the_system_on_executables_and_stops_it_whole()
    {
        using var timeout = new CancellationTokenSource(Limit);
        var ct = timeout.Token;
        var state = Directory.CreateTempSubdirectory("sessions-aspire-test-").FullName;
        var ports = FreePorts.Take(4);
        var amqp = $"127.0.0.1:{ports[1]}/";
        await using var receiver = await OtlpTraceReceiver.StartAsync();
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Sessions_AppHost>(
            [
                "--Servers:Mode=Executables",
                $"--Servers:StateDir={state}",
                $"--Servers:PostgresPort={ports[0]}",
                $"--Servers:RabbitMqPort={ports[1]}",
                $"--Servers:RabbitMqDistributionPort={ports[2]}",
                $"--Servers:EpmdPort={ports[3]}",
                "--Servers:RabbitMqManagement=false",
                $"--Servers:RabbitMqNodeName=sessions-test-{ports[1]}@localhost",
                // Fast and deterministic; set both ways so that a renamed section cannot bring a slow model in.
                "--Services:Environment:Embeddings__Provider=lexical",
                "--Services:Environment:Processor__Embeddings__Provider=lexical",
            ], ct);
            foreach (var project in builder.Resources.OfType<ProjectResource>())
            {
                // Exported to this test's OTLP receiver (the dashboard does not run under the testing builder).
                project.Annotations.Add(new EnvironmentCallbackAnnotation(env =>
                {
                    env["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/');
                    env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                    env["OTEL_BSP_SCHEDULE_DELAY"] = "200";
                }));
            }

            await using (var app = await builder.BuildAsync(ct))
            {
                await app.StartAsync(ct);
                foreach (var name in (string[])["postgres", "epmd", "rabbitmq", .. Services])
                {
                    await app.ResourceNotifications.WaitForResourceHealthyAsync(name, ct);
                }

                var broker = await app.GetConnectionStringAsync("messaging", ct);
                var database = await app.GetConnectionStringAsync("sessions-db", ct);
                Assert.EndsWith(amqp, broker);

                var valid = Enumerable.Range(1, 3).Select(i => Conversations.Valid($"aspire-{i}", turns: 13)).ToList();
                var tooShort = Conversations.Valid("aspire-short", turns: 2);
                await PublishRawAsync(broker!, [.. valid, tooShort], ct);

                await using var db = Storage(database!);
                await Eventually.Until(async () => await db.Sessions.CountAsync(ct) == 4, Limit, "four sessions stored");
                Assert.Equal(3, await db.Sessions.CountAsync(s => s.Status == SessionStatus.Accepted, ct));
                Assert.Equal(SessionStatus.Rejected, (await db.Sessions.SingleAsync(s => s.SessionId == "aspire-short", ct)).Status);
                Assert.True(await db.Examples.AnyAsync(ct), "fine-tuning examples stored");

                await Eventually.Until(
                    () => receiver.Spans.GroupBy(s => s.TraceId).Any(trace => Services.All(name => trace.Any(s => s.Service == name))),
                    Limit, "spans of processor, validator and trainer under one trace id");
            }

            await Eventually.Until(() => LeftoverProcesses.Find(state, amqp).Count == 0, TimeSpan.FromSeconds(30),
                "no process of the AppHost run left: " + string.Join("; ", LeftoverProcesses.Find(state, amqp)));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    private static async Task PublishRawAsync(string broker, IEnumerable<Sessions.Contracts.SessionEnded> sessions, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        foreach (var session in sessions)
        {
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(session, Web));
            await channel.BasicPublishAsync("Sessions.Contracts:SessionEnded", "", mandatory: false,
                new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent }, body, ct);
        }
    }

    private static SessionsDbContext Storage(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SessionsDbContext>();
        StorageProviders.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString });
        return new SessionsDbContext(options.Options);
    }
}
