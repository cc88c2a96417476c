using Microsoft.Data.Sqlite;
using Sessions.Storage;

namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>A throw-away database on a real server (or a real SQLite file), described as configuration.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;

    private TestDatabase(string provider, string connectionString, string? folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    public Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = Provider,
        ["Database:ConnectionString"] = ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            return new TestDatabase(provider, await TestServers.CreatePostgresDatabaseAsync(), null);
        }

        var folder = Directory.CreateTempSubdirectory("sessions-test-").FullName;
        return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "sessions.db")}", folder);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await TestServers.DropPostgresDatabaseAsync(ConnectionString);
            return;
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder!, recursive: true);
    }
}
