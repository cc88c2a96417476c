using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>
/// The real PostgreSQL and RabbitMQ servers the tests use, started by scripts/start-postgres.sh and
/// scripts/start-rabbitmq.sh (scripts/test.sh does both). Each test gets its own database or virtual host.
/// </summary>
public static class TestServers
{
    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("SESSIONS_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=54329;Username=sessions;Password=sessions;Database=sessions";

    public static string RabbitHost => Environment.GetEnvironmentVariable("SESSIONS_TEST_RABBITMQ_HOST") ?? "127.0.0.1";
    public static int RabbitPort => int.Parse(Environment.GetEnvironmentVariable("SESSIONS_TEST_RABBITMQ_PORT") ?? "5672");
    public static int RabbitManagementPort => int.Parse(Environment.GetEnvironmentVariable("SESSIONS_TEST_RABBITMQ_MANAGEMENT_PORT") ?? "15672");

    /// <summary>The shared RabbitMQ; the methods below use it unless given a test's own node.</summary>
    public static RabbitNode Rabbit => new(RabbitHost, RabbitPort, RabbitManagementPort);

    /// <summary>A fresh database on the shared PostgreSQL, or on <paramref name="server"/> (a connection string to another server).</summary>
    public static async Task<string> CreatePostgresDatabaseAsync(string? server = null)
    {
        server ??= PostgresConnectionString;
        var name = $"sessions_test_{Guid.NewGuid():N}";
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable with '{server}': {ex.Message}. Start it with scripts/start-postgres.sh (scripts/test.sh starts it for you).", ex);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropPostgresDatabaseAsync(string connectionString, string? server = null)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server ?? PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static HttpClient RabbitManagement(RabbitNode? node = null)
    {
        node ??= Rabbit;
        var client = new HttpClient { BaseAddress = new Uri($"http://{node.Host}:{node.ManagementPort}/api/"), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        return client;
    }

    /// <summary>A fresh virtual host, so that each test's exchanges, queues and error queues are its own.</summary>
    public static async Task<string> CreateRabbitVirtualHostAsync(RabbitNode? node = null)
    {
        var name = $"sessions-test-{Guid.NewGuid():N}";
        using var http = RabbitManagement(node);
        try
        {
            (await http.PutAsync($"vhosts/{name}", null)).EnsureSuccessStatusCode();
            (await http.PutAsJsonAsync($"permissions/{name}/guest", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException(
                $"RabbitMQ's management API is not reachable at {http.BaseAddress}: {ex.Message}. Start RabbitMQ with scripts/start-rabbitmq.sh (scripts/test.sh starts it for you).", ex);
        }

        return name;
    }

    public static async Task DeleteRabbitVirtualHostAsync(string name, RabbitNode? node = null)
    {
        using var http = RabbitManagement(node);
        await http.DeleteAsync($"vhosts/{name}");
    }

    /// <summary>Messages ready in a queue and its consumers, from the management API; (0, 0) when the queue does not exist yet.</summary>
    public static async Task<(long Messages, long Consumers)> QueueAsync(string vhost, string queue, RabbitNode? node = null)
    {
        using var http = RabbitManagement(node);
        var response = await http.GetAsync($"queues/{vhost}/{Uri.EscapeDataString(queue)}");
        if (!response.IsSuccessStatusCode)
        {
            return (0, 0);
        }

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (json["messages"]?.GetValue<long>() ?? 0, json["consumers"]?.GetValue<long>() ?? 0);
    }
}
