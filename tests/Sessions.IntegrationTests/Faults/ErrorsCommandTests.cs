using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using Sessions.IntegrationTests.Infrastructure;

namespace Sessions.IntegrationTests.Faults;

/// <summary><c>sessions-admin errors</c> and <c>errors requeue</c> against real RabbitMQ, each test on its own virtual host.</summary>
public sealed class ErrorsCommandTests : IAsyncLifetime
{
    private static readonly string Admin = RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");
    private string _vhost = "";

    public async Task InitializeAsync() => _vhost = await TestServers.CreateRabbitVirtualHostAsync();

    public Task DisposeAsync() => TestServers.DeleteRabbitVirtualHostAsync(_vhost);

    [Fact]
    public async Task Errors_lists_the_fault_and_requeue_moves_messages_back_without_fault_headers()
    {
        await using (var connection = await Factory().CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("session-ended", durable: true, exclusive: false, autoDelete: false);
            await channel.QueueDeclareAsync("session-ended_error", durable: true, exclusive: false, autoDelete: false);
            for (var i = 0; i < 3; i++)
            {
                var properties = new BasicProperties
                {
                    MessageId = $"m{i}",
                    ContentType = "application/vnd.masstransit+json",
                    Headers = new Dictionary<string, object?>
                    {
                        ["MT-Fault-ExceptionType"] = "Npgsql.NpgsqlException",
                        ["MT-Fault-Message"] = "Failed to connect to 127.0.0.1:1",
                        ["MT-Reason"] = "fault",
                        ["traceparent"] = $"00-trace{i}",
                    },
                };
                await channel.BasicPublishAsync("", "session-ended_error", mandatory: false, properties, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"));
            }
        }

        var (listed, listing) = await RunAdminAsync("errors", "--queue", "session-ended", "--json");
        Assert.Equal(0, listed);
        var summary = JsonNode.Parse(listing)!.AsArray().Single()!;
        Assert.Equal(3, summary["messages"]!.GetValue<long>());
        Assert.Equal("Npgsql.NpgsqlException", summary["first"]![0]!["exceptionType"]!.GetValue<string>());
        Assert.Contains("Failed to connect", summary["first"]![0]!["reason"]!.GetValue<string>());

        var (moved, output) = await RunAdminAsync("errors", "requeue", "--queue", "session-ended", "--max", "2");
        Assert.Equal(0, moved);
        Assert.Contains("moved 2 message(s)", output);
        await Eventually.Until(async () => (await TestServers.QueueAsync(_vhost, "session-ended")).Messages == 2
                                           && (await TestServers.QueueAsync(_vhost, "session-ended_error")).Messages == 1,
            TimeSpan.FromSeconds(15), "two messages back in session-ended, one left in the error queue");

        await using var reader = await Factory().CreateConnectionAsync();
        await using var read = await reader.CreateChannelAsync();
        var first = await read.BasicGetAsync("session-ended", autoAck: true);
        Assert.NotNull(first);
        Assert.Equal("{\"n\":0}", Encoding.UTF8.GetString(first.Body.Span));
        Assert.Equal("m0", first.BasicProperties.MessageId);
        Assert.Equal("application/vnd.masstransit+json", first.BasicProperties.ContentType);
        var headers = first.BasicProperties.Headers!;
        Assert.Equal("00-trace0", Encoding.UTF8.GetString((byte[])headers["traceparent"]!));
        Assert.DoesNotContain(headers.Keys, k => k.StartsWith("MT-Fault-") || k == "MT-Reason");
    }

    [Fact]
    public async Task Errors_explains_an_unreachable_broker_and_a_missing_queue()
    {
        var (code, output) = await ServiceProcess.RunAsync(Admin, Settings(port: 1), TimeSpan.FromSeconds(60), "errors");
        Assert.Equal(2, code);
        Assert.Contains("cannot reach RabbitMQ at amqp://127.0.0.1:1", output);
        Assert.Contains("scripts/start-rabbitmq.sh", output);

        var (missing, why) = await RunAdminAsync("errors", "requeue", "--queue", "no-such-queue");
        Assert.Equal(1, missing);
        Assert.Contains("queue 'no-such-queue' does not exist", why);
    }

    private Task<(int ExitCode, string Output)> RunAdminAsync(params string[] args) =>
        ServiceProcess.RunAsync(Admin, Settings(TestServers.RabbitPort), TimeSpan.FromSeconds(60), args);

    private Dictionary<string, string?> Settings(int port) => new()
    {
        ["Messaging:RabbitMq:Host"] = TestServers.RabbitHost,
        ["Messaging:RabbitMq:Port"] = port.ToString(),
        ["Messaging:RabbitMq:VirtualHost"] = _vhost,
    };

    private ConnectionFactory Factory() => new()
    {
        HostName = TestServers.RabbitHost,
        Port = TestServers.RabbitPort,
        VirtualHost = _vhost,
    };
}
