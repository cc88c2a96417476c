using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using Sessions.IntegrationTests.Infrastructure;

namespace Sessions.IntegrationTests;

/// <summary>`sessions-admin errors` and `errors requeue` against a real RabbitMQ virtual host.</summary>
public sealed class ErrorQueueCommandTests_on_RabbitMq : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private string _vhost = null!;
    private IConnection _connection = null!;

    private static string AdminTool => RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");

    private Dictionary<string, string?> Environment => EventLog.RabbitSettings(_vhost);

    public async Task InitializeAsync()
    {
        _vhost = await TestServers.CreateRabbitVirtualHostAsync();
        _connection = await new ConnectionFactory { HostName = TestServers.RabbitHost, Port = TestServers.RabbitPort, VirtualHost = _vhost }.CreateConnectionAsync();
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await TestServers.DeleteRabbitVirtualHostAsync(_vhost);
    }

    [Fact]
    public async Task Messages_in_an_error_queue_go_back_to_their_queue_intact_without_fault_headers()
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("session-ended", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync("session-ended_error", durable: true, exclusive: false, autoDelete: false);
        for (var i = 0; i < 3; i++)
        {
            var properties = new BasicProperties
            {
                ContentType = "application/vnd.masstransit+json",
                MessageId = $"m-{i}",
                Headers = new Dictionary<string, object?>
                {
                    ["MT-Reason"] = "fault",
                    ["MT-Fault-Message"] = "database unavailable",
                    ["MT-Fault-ExceptionType"] = "Npgsql.NpgsqlException",
                    ["Sessions-Trace"] = $"t-{i}",
                },
            };
            await channel.BasicPublishAsync("", "session-ended_error", mandatory: true, properties, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"));
        }

        var (listed, listing) = await ServiceProcess.RunAsync(AdminTool, Environment, Timeout, "errors", "--json");
        Assert.True(listed == 0, listing);
        var counts = JsonNode.Parse(listing[listing.IndexOf('[')..])!.AsArray();
        Assert.Equal(3, (int)counts.Single(c => (string)c!["queue"]! == "session-ended")!["messages"]!);
        Assert.Null(counts.Single(c => (string)c!["queue"]! == "session-processed")!["messages"]);

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Environment, Timeout, "errors", "requeue", "--queue", "session-ended");

        Assert.True(code == 0, output);
        Assert.Contains("3 message(s) moved from session-ended_error back to session-ended", output);
        for (var i = 0; i < 3; i++)
        {
            var message = await channel.BasicGetAsync("session-ended", autoAck: true);
            Assert.NotNull(message);
            Assert.Equal($"{{\"n\":{i}}}", Encoding.UTF8.GetString(message.Body.Span));
            Assert.Equal($"m-{i}", message.BasicProperties.MessageId);
            Assert.Equal("application/vnd.masstransit+json", message.BasicProperties.ContentType);
            var headers = message.BasicProperties.Headers!;
            Assert.DoesNotContain(headers.Keys, k => k.StartsWith("MT-Fault-", StringComparison.Ordinal) || k == "MT-Reason");
            Assert.Equal($"t-{i}", Encoding.UTF8.GetString((byte[])headers["Sessions-Trace"]!));
        }

        Assert.Equal(0u, await channel.MessageCountAsync("session-ended_error"));
    }

    [Fact]
    public async Task Requeueing_into_a_queue_that_does_not_exist_is_refused_and_keeps_the_messages()
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("nowhere_error", durable: true, exclusive: false, autoDelete: false);
        await channel.BasicPublishAsync("", "nowhere_error", Encoding.UTF8.GetBytes("{}"));

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, Environment, Timeout, "errors", "requeue", "--queue", "nowhere");

        Assert.True(code == 3, output);
        Assert.Contains("does the queue exist", output);
        Assert.Equal(1u, await channel.MessageCountAsync("nowhere_error"));
    }

    [Fact]
    public async Task An_unreachable_broker_is_named_with_the_fix()
    {
        var environment = new Dictionary<string, string?>(Environment) { ["Messaging:RabbitMq:Port"] = "1" };

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, environment, Timeout, "errors");

        Assert.True(code == 2, output);
        Assert.Contains("cannot reach RabbitMQ at amqp://127.0.0.1:1", output);
        Assert.Contains("scripts/start-rabbitmq.sh", output);
    }
}
