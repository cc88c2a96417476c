using Sessions.IntegrationTests.Infrastructure;

namespace Sessions.IntegrationTests;

/// <summary>The admin tool's error paths, run as its own process.</summary>
public sealed class AdminToolTests
{
    private static string AdminTool => RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");

    [Fact]
    public async Task Train_names_the_script_to_run_when_RabbitMQ_is_unreachable()
    {
        var environment = new Dictionary<string, string?> { ["Messaging:RabbitMq:Port"] = "1" };

        var (code, output) = await ServiceProcess.RunAsync(AdminTool, environment, TimeSpan.FromSeconds(60), "train", "--model", "default");

        Assert.Equal(2, code);
        Assert.Contains("cannot reach RabbitMQ at amqp://127.0.0.1:1", output);
        Assert.Contains("scripts/start-rabbitmq.sh", output);
    }

    [Fact]
    public async Task Ingest_refuses_a_file_that_does_not_exist()
    {
        var (code, output) = await ServiceProcess.RunAsync(AdminTool, new Dictionary<string, string?>(), TimeSpan.FromSeconds(60), "ingest", "/no/such/file.jsonl");

        Assert.Equal(1, code);
        Assert.Contains("no such file: /no/such/file.jsonl", output);
    }
}
