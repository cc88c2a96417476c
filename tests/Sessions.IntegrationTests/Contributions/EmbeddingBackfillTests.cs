using Microsoft.EntityFrameworkCore;
using Sessions.Contributions.Merging;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;

namespace Sessions.IntegrationTests.Contributions;

public sealed class EmbeddingBackfillTests_on_Sqlite() : EmbeddingBackfillTests(DatabaseProvider.Sqlite);

public sealed class EmbeddingBackfillTests_on_Postgres() : EmbeddingBackfillTests(DatabaseProvider.Postgres);

/// <summary>The backfill after a disk-speed import: resumable, never twice, never half a batch; training waits for it.</summary>
public abstract class EmbeddingBackfillTests(string provider) : IAsyncLifetime
{
    private ContributionFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ContributionFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task An_interrupted_backfill_resumes_where_it_stopped_and_stores_each_vector_once()
    {
        var report = await _fixture.ImportAsync(await _fixture.WriteAsync("many.jsonl", Enumerable.Range(0, 600).Select(i => ContributionFixture.Row(i))), backfill: false);
        Assert.Equal((600L, 600L), (report.Accepted, report.EmbeddingsPending));

        var first = await _fixture.Backfill.RunOnceAsync(CancellationToken.None);
        using (var stopped = new CancellationTokenSource())
        {
            await stopped.CancelAsync(); // a stop before the next batch is stored: nothing of it may remain
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _fixture.Backfill.RunOnceAsync(stopped.Token));
        }

        await using (var db = await _fixture.DbAsync())
        {
            Assert.Equal((256, false), (first.Embedded, first.Drained));
            Assert.Equal((2 * 256, 600 - 256), (await db.Embeddings.CountAsync(), await db.Examples.CountAsync(e => e.EmbeddingsPending)));
        }

        // Two workers drain the rest at once, as two trainer replicas would.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var pass = await _fixture.Backfill.RunOnceAsync(CancellationToken.None);
                if (pass is { Embedded: 0, Contended: false }) return;
            }
        })));

        await using var after = await _fixture.DbAsync();
        Assert.Equal(0, await after.Examples.CountAsync(e => e.EmbeddingsPending));
        Assert.Equal(2 * 600, await after.Embeddings.CountAsync());
        Assert.Equal(2 * 600, await after.Embeddings.Select(e => new { e.SessionId, e.MessageIndex }).Distinct().CountAsync());
    }

    [Fact]
    public async Task Training_takes_only_embedded_examples_and_takes_the_rest_once_the_backfill_is_done()
    {
        var report = await _fixture.ImportAsync(await _fixture.WriteAsync("rows.jsonl", Enumerable.Range(0, 5).Select(i => ContributionFixture.Row(i))), backfill: false);

        await using var db = await _fixture.DbAsync();
        Assert.Empty(await new TrainingOrderLoader(db, 42).OrderAsync("default", long.MaxValue, CancellationToken.None));
        Assert.Equal(5, (await new TrainingOrderLoader(db, 42, embeddedOnly: false).OrderAsync("default", long.MaxValue, CancellationToken.None)).Count);

        await _fixture.Backfill.RunOnceAsync(CancellationToken.None);

        Assert.Equal(5, (await new TrainingOrderLoader(db, 42).OrderAsync("default", long.MaxValue, CancellationToken.None)).Count);
        Assert.Equal(5, report.Accepted);
    }
}
