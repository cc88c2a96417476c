using Microsoft.EntityFrameworkCore;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;

namespace Sessions.IntegrationTests;

/// <summary>
/// SQLite's planner has no statistics on a fresh database, so it picks an index by its own rules. The lookups that run
/// per batch must search their key's index, not walk a model's whole corpus: a walk costs nothing on a small test
/// database and makes an import or a validator slower with every example stored.
/// </summary>
public sealed class SqliteQueryPlanTests
{
    [Fact]
    public async Task The_accepted_content_lookup_searches_the_content_index()
    {
        await using var database = await MigratedAsync();
        await using var db = TestData.Open(database);
        string[] hashes = ["a", "b"];

        var plan = await PlanAsync(db, db.Examples.WithAcceptedContent(hashes).Select(e => new { e.ContentHash, e.ModelName }));
        // The shape it replaced, for contrast: the model as a second equality made SQLite read the model's examples.
        var replaced = await PlanAsync(db, db.Examples.Where(e => e.ModelName == "default" && e.Status == "accepted" && hashes.Contains(e.ContentHash)).Select(e => e.ContentHash));

        Assert.Contains(plan, line => line.Contains("INDEX IX_Examples_AcceptedContent (ContentHash=?)", StringComparison.Ordinal));
        Assert.Contains(replaced, line => line.Contains("IX_Examples_ModelName_Status_Id (ModelName=? AND Status=?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_band_key_lookup_searches_the_key_index()
    {
        await using var database = await MigratedAsync();
        await using var db = TestData.Open(database);
        long[] keys = [1, 2];

        var plan = await PlanAsync(db, db.NearDuplicateBands.ExampleIdsWithBandKeys("default", keys));

        Assert.Contains(plan, line => line.Contains("IX_NearDuplicateBands_BandKey_ModelName (BandKey=? AND ModelName=?)", StringComparison.Ordinal));
    }

    private static async Task<TestDatabase> MigratedAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = TestData.Open(database);
        await db.Database.MigrateAsync();
        return database;
    }

    private static async Task<List<string>> PlanAsync<T>(SessionsDbContext db, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return lines;
    }
}
