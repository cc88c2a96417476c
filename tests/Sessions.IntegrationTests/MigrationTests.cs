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
}
