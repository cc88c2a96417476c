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

    /// <summary>
    /// The settings every integration, fault and load test starts from. They pin the LEXICAL embedder: these tests push
    /// many sessions through the pipeline (often as separate processes, each of which would load the 90 MB model) and
    /// check flow, counts and recovery, not vector quality, so all-MiniLM-L6-v2 (the product default) would only cost CI
    /// time. The model itself is tested in MiniLmEmbeddingTests; a test that wants it sets Embeddings:Provider=minilm.
    /// </summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = Provider,
        ["Database:ConnectionString"] = ConnectionString,
        ["Embeddings:Provider"] = "lexical",
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
