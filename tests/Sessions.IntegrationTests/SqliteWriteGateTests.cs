using Microsoft.EntityFrameworkCore;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Bulk;

namespace Sessions.IntegrationTests;

/// <summary>Writers of one SQLite file in this process queue on one gate; other files and PostgreSQL have none in common.</summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task Contexts_of_the_same_SQLite_file_share_a_gate_and_other_files_do_not()
    {
        await using var first = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var second = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var a = TestData.Open(first);
        await using var b = TestData.Open(first);
        await using var c = TestData.Open(second);

        var gate = SqliteWriteGate.For(a);
        Assert.NotNull(gate);
        Assert.Same(gate, SqliteWriteGate.For(b));
        Assert.NotSame(gate, SqliteWriteGate.For(c));
        Assert.Equal(1, gate.CurrentCount); // free between writes
    }

    [Fact]
    public async Task PostgreSQL_writers_are_not_gated()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = TestData.Open(database);
        Assert.Null(SqliteWriteGate.For(db));
    }

    [Fact]
    public async Task Concurrent_bulk_saves_on_one_SQLite_file_all_commit_and_leave_the_gate_free()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var setup = TestData.Open(database))
        {
            await setup.Database.MigrateAsync();
        }

        await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            await using var db = TestData.Open(database);
            db.Sessions.Add(new Sessions.Storage.Entities.SessionRecord { SessionId = $"gate-{i}", ModelName = "default", ReceivedAt = DateTime.UtcNow });
            await new BulkRowWriter(db).SaveChangesWithAsync(_ => Task.CompletedTask, CancellationToken.None);
        }));

        // A failing write must release the gate too, or every later writer of the file would wait forever.
        await using (var failing = TestData.Open(database))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                new BulkRowWriter(failing).SaveChangesWithAsync(_ => throw new InvalidOperationException("boom"), CancellationToken.None));
        }

        await using var check = TestData.Open(database);
        Assert.Equal(16, check.Sessions.Count(s => s.SessionId.StartsWith("gate-")));
        Assert.Equal(1, SqliteWriteGate.For(check)!.CurrentCount);
    }
}
