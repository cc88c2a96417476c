using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;

namespace Sessions.IntegrationTests;

public sealed class MigrationTests
{
    /// <summary>Like three services starting at once on a fresh database: each with its own container and pool.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Services_starting_together_on_a_fresh_database_migrate_it_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var containers = Enumerable.Range(0, 3).Select(_ =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
            return new ServiceCollection().AddLogging().AddSessionsStorage(configuration).BuildServiceProvider();
        }).ToList();

        await Task.WhenAll(containers.Select(c => Task.Run(() => DatabaseMigrator.MigrateAsync(c))));

        await using var db = TestData.Open(database);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        foreach (var container in containers)
        {
            await container.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_new_SQLite_database_gets_the_configured_page_size_and_an_existing_one_keeps_its_own()
    {
        await using var fresh = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(8192, await MigratedPageSizeAsync(fresh, pageBytes: null)); // the default
        await using var chosen = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(16384, await MigratedPageSizeAsync(chosen, pageBytes: 16384));

        // A database that already has pages keeps their size (SQLite cannot change it in WAL mode) and still migrates.
        await using var existing = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var connection = new SqliteConnection(existing.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size=2048; PRAGMA journal_mode=WAL; CREATE TABLE \"Existing\" (\"Id\" INTEGER);";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(2048, await MigratedPageSizeAsync(existing, pageBytes: 16384));
        await using var db = TestData.Open(existing);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(256)]
    [InlineData(131072)]
    public void A_SQLite_page_size_that_SQLite_would_ignore_is_refused_at_registration(int pageBytes)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:SqlitePageBytes"] = pageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSessionsStorage(configuration));
        Assert.Contains("Database:SqlitePageBytes", error.Message);
    }

    private static async Task<long> MigratedPageSizeAsync(TestDatabase database, int? pageBytes)
    {
        var settings = database.Settings;
        if (pageBytes is { } bytes) settings["Database:SqlitePageBytes"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using (var services = new ServiceCollection().AddLogging()
            .AddSessionsStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider())
        {
            await DatabaseMigrator.MigrateAsync(services);
        }

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
