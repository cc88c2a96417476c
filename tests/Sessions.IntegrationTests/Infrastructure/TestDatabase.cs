using Microsoft.Data.Sqlite;
using Sessions.Storage;

namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>A throw-away database on a real server (or a real SQLite file), described as configuration.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _server;

    private TestDatabase(string provider, string connectionString, string? folder, string? server = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _server = server;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = Provider,
        ["Database:ConnectionString"] = ConnectionString,
    };

    /// <summary>A database on the shared PostgreSQL (or on <paramref name="postgresServer"/>, a connection string to another), or a SQLite file.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider, string? postgresServer = null)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return new TestDatabase(provider, await TestServers.CreatePostgresDatabaseAsync(postgresServer), null, postgresServer);
        }

        var folder = Directory.CreateTempSubdirectory("sessions-test-").FullName;
        return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "sessions.db")}", folder);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await TestServers.DropPostgresDatabaseAsync(ConnectionString, _server);
            return;
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder!, recursive: true);
    }
}
