using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;

namespace Sessions.IntegrationTests;

/// <summary>
/// Every SQLite connection EF Core opens has SQLite's own busy handler set to the connection's timeout, so a writer
/// waits for the lock in SQLite (retries after 1, 2, 5 … ms) instead of Microsoft.Data.Sqlite's 150 ms sleeps.
/// </summary>
public sealed class SqliteBusyTimeoutTests
{
    [Theory]
    [InlineData("", 60_000)] // the storage's default timeout of 60 s
    [InlineData(";Default Timeout=5", 5_000)]
    [InlineData(";Default Timeout=0", int.MaxValue)] // "no timeout" must not turn SQLite's handler off
    public async Task A_context_s_connection_waits_in_SQLite_for_as_long_as_its_timeout(string extra, long expectedMilliseconds)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var builder = new DbContextOptionsBuilder<SessionsDbContext>();
        StorageProviders.Configure(builder, new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString + extra });
        await using var db = new SessionsDbContext(builder.Options);

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(expectedMilliseconds, Convert.ToInt64(await command.ExecuteScalarAsync()));
    }

    [Fact]
    public async Task A_writer_that_finds_the_lock_held_gets_it_once_the_holder_commits()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var setup = TestData.Open(database))
        {
            await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; CREATE TABLE \"Held\" (\"Id\" INTEGER)");
        }

        await using var holder = new SqliteConnection(database.ConnectionString);
        await holder.OpenAsync();
        var held = holder.BeginTransaction(deferred: false);
        await using var db = TestData.Open(database);
        var waiting = Task.Run(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Held\" VALUES (2)");
            await transaction.CommitAsync();
        });

        // The waiter cannot have written while the lock is held; it must have written once it is released.
        await using (var insert = holder.CreateCommand())
        {
            insert.CommandText = "INSERT INTO \"Held\" VALUES (1)";
            await insert.ExecuteNonQueryAsync();
        }

        Assert.False(waiting.IsCompleted);
        held.Commit();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        await using var count = holder.CreateCommand();
        count.CommandText = "SELECT group_concat(\"Id\") FROM (SELECT \"Id\" FROM \"Held\" ORDER BY rowid)";
        Assert.Equal("1,2", await count.ExecuteScalarAsync());
    }
}
