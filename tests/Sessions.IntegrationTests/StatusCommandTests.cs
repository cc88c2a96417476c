using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;

namespace Sessions.IntegrationTests;

/// <summary><c>sessions-admin status</c> over real PostgreSQL and RabbitMQ, one healthy service and one that is down.</summary>
public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_shows_every_source_and_degrades_gracefully_when_one_is_down()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var healthy = await LocalHttpServer.StartAsync(app => app.MapGet("/health", () => Results.Text("Healthy")));
        var environment = new Dictionary<string, string?>(database.Settings)
        {
            ["Messaging:RabbitMq:Host"] = TestServers.RabbitHost,
            ["Messaging:RabbitMq:Port"] = TestServers.RabbitPort.ToString(),
            ["Status:RabbitMqManagementPort"] = TestServers.RabbitManagementPort.ToString(),
            ["Status:Services:processor"] = new Uri(healthy.BaseAddress, "/health").ToString(),
            ["Status:Services:trainer"] = "http://127.0.0.1:1/health",
            ["Status:Services:validator"] = new Uri(healthy.BaseAddress, "/health").ToString(),
        };
        var admin = RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");
        Assert.Equal(0, (await ServiceProcess.RunAsync(admin, environment, TimeSpan.FromSeconds(60), "migrate")).ExitCode);

        var (code, output) = await ServiceProcess.RunAsync(admin, environment, TimeSpan.FromSeconds(60), "status", "--json", "--timeout", "5");

        Assert.Equal(1, code);
        var report = JsonNode.Parse(output)!;
        var sources = report["sources"]!.AsArray().ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!);
        Assert.True(sources["database"]["answered"]!.GetValue<bool>(), output);
        Assert.True(sources["rabbitmq"]["answered"]!.GetValue<bool>(), output);
        Assert.Equal("Healthy", sources["health:processor"]["data"]!["status"]!.GetValue<string>());
        Assert.False(sources["health:trainer"]["answered"]!.GetValue<bool>());
        Assert.Contains("Connection refused", sources["health:trainer"]["error"]!.GetValue<string>());
        Assert.Equal(0.8, report["quality"]!.GetValue<double>(), 3); // 4 of 5
    }
}
