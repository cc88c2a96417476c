using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Contributions.Merging;
using Sessions.Embeddings;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Trainer;
using Sessions.Contributions;
using Sessions.Trainer.Runs;

namespace Sessions.IntegrationTests.Contributions;

public sealed class ContributedDataTests_on_Sqlite() : ContributedDataTests(DatabaseProvider.Sqlite);

public sealed class ContributedDataTests_on_Postgres() : ContributedDataTests(DatabaseProvider.Postgres);

/// <summary>Contributed-data integration over a real database: counts, dedupe, all-or-nothing, rollback, idempotency.</summary>
public abstract class ContributedDataTests(string provider) : IAsyncLifetime
{
    private ContributionFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ContributionFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_file_is_committed_with_its_counts_rejections_and_duplicates_within_the_file()
    {
        var file = await _fixture.WriteAsync("happy.jsonl", [
            ContributionFixture.Row(1), ContributionFixture.Row(2), "{not json", ContributionFixture.Row(1),
            """{"messages":[{"role":"user","content":"mail me at jane.doe@example.com please, about the roses"},{"role":"assistant","content":"I will write to you about the roses soon."}]}""",
            JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = "hi" }, new { role = "assistant", content = string.Join(' ', Enumerable.Repeat("word", 600)) } } }),
        ]);

        var report = await _fixture.ImportAsync(file, backfill: false);

        Assert.Null(report.Error);
        Assert.Equal(IntegrationStatus.Committed, report.Status);
        Assert.Equal((6L, 3L, 3L, 1L, 0L), (report.RowsRead, report.Accepted, report.Rejected, report.DuplicatesInFile, report.DuplicatesExisting));
        Assert.Equal(3, report.EmbeddingsPending);
        Assert.Equal(1, report.RejectedByCode["invalid_json"]);
        Assert.Equal(1, report.RejectedByCode["duplicate_exact"]);
        Assert.Equal(1, report.RejectedByCode["sequence_too_long"]);
        Assert.Contains(report.Rejections, r => r.RowNumber == 4 && r.Code == "duplicate_exact");
        await using var db = await _fixture.DbAsync();
        var examples = await db.Examples.OrderBy(e => e.Id).ToListAsync();
        Assert.All(examples, e => Assert.Equal((ExampleOrigin.Contributed, ExampleStatus.Accepted, report.IntegrationId), (e.Origin, e.Status, e.IntegrationId!.Value)));
        Assert.Equal(ContributedDataIntegration.SessionIdOf(report.IntegrationId, 1), examples[0].SessionId);
        Assert.Contains("<EMAIL>", examples[2].MessagesJson);
        Assert.DoesNotContain("jane.doe", examples[2].MessagesJson);
        // Committed at disk speed with the embeddings pending; the backfill then embeds the user and assistant message of each row.
        Assert.Equal((0, 3), (await db.Embeddings.CountAsync(), await db.Examples.CountAsync(e => e.EmbeddingsPending)));
        var pass = await _fixture.Backfill.RunOnceAsync(CancellationToken.None);
        Assert.Equal((3, true, 0), (pass.Embedded, pass.Drained, (await _fixture.Backfill.RunOnceAsync(CancellationToken.None)).Embedded));
        Assert.Equal((6, 0), (await db.Embeddings.CountAsync(), await db.Examples.CountAsync(e => e.EmbeddingsPending)));
        Assert.Equal(3 * 16, await db.NearDuplicateBands.CountAsync());
        var stored = await db.Integrations.SingleAsync();
        Assert.Equal((IntegrationStatus.Committed, 6L, 3L, 1L), (stored.Status, stored.RowsRead, stored.Accepted, stored.DuplicatesInFile));
    }

    [Fact]
    public async Task Duplicates_of_existing_examples_are_rejected_exact_always_and_near_with_dedupe()
    {
        await _fixture.ImportAsync(await _fixture.WriteAsync("first.jsonl", [ContributionFixture.Row(1), ContributionFixture.Row(2)]));
        var nearCopy = JsonSerializer.Serialize(new { messages = new[] {
            new { role = "user", content = ContributionFixture.Question(2, "garden") + " thanks" },
            new { role = "assistant", content = ContributionFixture.Answer(2, "garden") } } });
        var second = await _fixture.WriteAsync("second.jsonl", [ContributionFixture.Row(1), nearCopy, ContributionFixture.Row(3), ContributionFixture.Row(3, "kitchen") + " "]);

        var report = await _fixture.ImportAsync(second, dedupe: true);

        Assert.Equal(IntegrationStatus.Committed, report.Status);
        Assert.Equal((4L, 2L, 2L, 0L), (report.RowsRead, report.Accepted, report.DuplicatesExisting, report.DuplicatesInFile));
        Assert.Equal(1, report.RejectedByCode["duplicate_near"]);
        await using var db = await _fixture.DbAsync();
        Assert.Equal(4, await db.Examples.CountAsync());
    }

    [Fact]
    public async Task A_file_that_fails_after_thousands_of_rows_leaves_the_database_exactly_as_it_was()
    {
        await _fixture.ImportAsync(await _fixture.WriteAsync("before.jsonl", Enumerable.Range(0, 20).Select(i => ContributionFixture.Row(i))));
        var before = await _fixture.SnapshotAsync();
        // 2,500 good rows (two batches saved inside the transaction), then the array never closes.
        var broken = await _fixture.WriteAsync("broken.json", ["[" + string.Join(",\n", Enumerable.Range(100, 2_500).Select(i => ContributionFixture.Row(i, "orchard")))]);

        var report = await _fixture.ImportAsync(broken);

        Assert.Equal(IntegrationStatus.Failed, report.Status);
        Assert.StartsWith("json_array_not_closed", report.Error);
        Assert.True(report.Accepted >= 2_000, $"{report.Accepted} rows were accepted before the failure");
        Assert.Equal(before, await _fixture.SnapshotAsync());
        await using var db = await _fixture.DbAsync();
        var failed = await db.Integrations.SingleAsync(i => i.Id == report.IntegrationId);
        Assert.Equal(IntegrationStatus.Failed, failed.Status);
        Assert.StartsWith("json_array_not_closed", failed.Error);
    }

    [Fact]
    public async Task Sources_that_cannot_be_read_fail_with_a_named_error_and_store_nothing()
    {
        var before = await _fixture.SnapshotAsync();

        var missing = await _fixture.ImportAsync(Path.Combine(_fixture.Root, "missing.jsonl"));
        var outside = await _fixture.ImportAsync(Path.Combine(_fixture.Root, "..", "escape.jsonl"));
        var invalid = await _fixture.ImportAsync(Path.Combine(_fixture.Root, "x.jsonl"), merge: "weighted");

        Assert.StartsWith("source_not_found", missing.Error);
        Assert.StartsWith("outside_import_roots", outside.Error);
        Assert.StartsWith("invalid_request", invalid.Error);
        Assert.Equal(before, await _fixture.SnapshotAsync());
    }

    [Fact]
    public async Task A_committed_integration_rolls_back_by_id_and_only_once()
    {
        await _fixture.ImportAsync(await _fixture.WriteAsync("keep.jsonl", [ContributionFixture.Row(1)]));
        var before = await _fixture.SnapshotAsync();
        var report = await _fixture.ImportAsync(await _fixture.WriteAsync("undo.jsonl", Enumerable.Range(10, 5).Select(i => ContributionFixture.Row(i))));
        Assert.NotEqual(before, await _fixture.SnapshotAsync());

        var outcome = await _fixture.Rollback.RollBackAsync(report.IntegrationId, CancellationToken.None);
        var again = await _fixture.Rollback.RollBackAsync(report.IntegrationId, CancellationToken.None);

        Assert.True(outcome.RolledBack, outcome.Detail);
        Assert.Equal((5, 10, 80), (outcome.Examples, outcome.Embeddings, outcome.Bands));
        Assert.Equal(before, await _fixture.SnapshotAsync());
        Assert.False(again.RolledBack);
        Assert.Contains("rolled_back, not committed", again.Detail);
        await using var db = await _fixture.DbAsync();
        Assert.Equal(IntegrationStatus.RolledBack, (await db.Integrations.SingleAsync(i => i.Id == report.IntegrationId)).Status);
    }

    [Fact]
    public async Task A_redelivered_integration_is_reported_as_committed_and_adds_nothing()
    {
        var file = await _fixture.WriteAsync("once.jsonl", [ContributionFixture.Row(1), ContributionFixture.Row(2)]);
        var id = Guid.NewGuid();
        var first = await _fixture.ImportAsync(file, id: id);
        var after = await _fixture.SnapshotAsync();

        var second = await _fixture.ImportAsync(file, id: id);

        Assert.False(first.AlreadyFinished);
        Assert.True(second.AlreadyFinished);
        Assert.Equal((IntegrationStatus.Committed, 2L), (second.Status, second.Accepted));
        Assert.Equal(after, await _fixture.SnapshotAsync());
    }

    [Fact]
    public async Task An_import_its_consumer_cancelled_stays_running_and_its_redelivery_commits_it()
    {
        var file = await _fixture.WriteAsync("cancelled.jsonl", Enumerable.Range(1, 50).Select(i => ContributionFixture.Row(i)));
        var before = await _fixture.SnapshotAsync();
        var request = new IntegrationRequest(Guid.NewGuid(), "default", file, RequestedBy: "test");
        using var stopped = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _fixture.Integration.IntegrateAsync(request, new CancelOnProgress(stopped), stopped.Token, redeliveredWhenCancelled: true));
        Assert.Equal(before, await _fixture.SnapshotAsync());
        await using (var db = await _fixture.DbAsync())
        {
            Assert.Equal(IntegrationStatus.Running, (await db.Integrations.SingleAsync(i => i.Id == request.IntegrationId)).Status);
        }

        var redelivered = await _fixture.Integration.IntegrateAsync(request, redeliveredWhenCancelled: true);
        Assert.Equal((IntegrationStatus.Committed, 50L), (redelivered.Status, redelivered.Accepted));
    }

    [Fact]
    public async Task A_cancelled_import_of_the_command_line_tool_ends_failed_with_nothing_stored()
    {
        var file = await _fixture.WriteAsync("cancelled-cli.jsonl", Enumerable.Range(1, 50).Select(i => ContributionFixture.Row(i)));
        var before = await _fixture.SnapshotAsync();
        using var stopped = new CancellationTokenSource();

        var report = await _fixture.Integration.IntegrateAsync(new IntegrationRequest(Guid.NewGuid(), "default", file, RequestedBy: "test"),
            new CancelOnProgress(stopped), stopped.Token);

        Assert.Equal(IntegrationStatus.Failed, report.Status);
        Assert.StartsWith("cancelled", report.Error);
        Assert.Equal(before, await _fixture.SnapshotAsync());
    }

    [Fact]
    public async Task Precomputed_embeddings_are_cleaned_and_stored_and_a_dry_run_stores_nothing()
    {
        var vector = Enumerable.Range(0, 384).Select(i => i == 0 ? 3f : i == 1 ? 4f : 0f).ToArray();
        var file = await _fixture.WriteAsync("vectors.jsonl", [JsonSerializer.Serialize(new {
            messages = new[] { new { role = "user", content = "what is the best soil for roses" }, new { role = "assistant", content = "loamy soil with compost" } },
            embedding = vector })]);
        var before = await _fixture.SnapshotAsync();

        var dry = await _fixture.ImportAsync(file, dryRun: true);
        Assert.Equal((1L, true), (dry.Accepted, dry.Succeeded));
        Assert.Equal(before, await _fixture.SnapshotAsync());

        var report = await _fixture.ImportAsync(file);
        await using var db = await _fixture.DbAsync();
        var stored = await db.Embeddings.SingleAsync();
        Assert.Equal(IntegrationStatus.Committed, report.Status);
        Assert.Equal(("contributed", 1, 384), (stored.Model, stored.MessageIndex, stored.Dimension));
        Assert.Equal([0.6f, 0.8f], StoredVector.FromBytes(stored.Vector)[..2]);
    }

    [Fact]
    public async Task Two_copies_of_one_command_at_once_store_its_rows_once_and_both_report_the_one_commit()
    {
        var file = await _fixture.WriteAsync("twice.jsonl", Enumerable.Range(1, 1500).Select(n => ContributionFixture.Row(n)));
        var id = Guid.NewGuid();

        var reports = await Task.WhenAll(Task.Run(() => _fixture.ImportAsync(file, id: id)), Task.Run(() => _fixture.ImportAsync(file, id: id)));

        Assert.All(reports, r => Assert.Equal((IntegrationStatus.Committed, 1500L, (string?)null), (r.Status, r.Accepted, r.Error)));
        await using var db = await _fixture.DbAsync();
        Assert.Equal(1500, await db.Examples.CountAsync(e => e.IntegrationId == id));
        var stored = await db.Integrations.SingleAsync();
        Assert.Equal((IntegrationStatus.Committed, 1500L, 0L), (stored.Status, stored.Accepted, stored.DuplicatesExisting));
    }

    [Fact]
    public async Task Contributed_rows_give_the_embedding_adapter_user_turn_and_reply_pairs()
    {
        var withOwnVector = JsonSerializer.Serialize(new {
            messages = new[] { new { role = "user", content = "what is the best soil for roses" }, new { role = "assistant", content = "loamy soil with compost" } },
            embedding = Enumerable.Range(0, 384).Select(i => i == 0 ? 1f : 0f).ToArray() });
        var report = await _fixture.ImportAsync(await _fixture.WriteAsync("pairs.jsonl", [ContributionFixture.Row(1), ContributionFixture.Row(2), withOwnVector]));
        Assert.Equal(3, report.Accepted);

        await using var db = await _fixture.DbAsync();
        var snapshot = await new TrainingSnapshotLoader(db, new TrainerOptions()).SnapshotAsync("default", CancellationToken.None);
        var pairs = await new ReplyPairLoader(db, new EmbeddingOptions { Provider = EmbeddingOptions.Lexical }).LoadAsync("default", snapshot, CancellationToken.None);

        // The two generated rows: their user and assistant messages were embedded. The row that brought one vector has no user side.
        Assert.Equal(2, pairs.Pairs.Count);
        Assert.Equal(1, pairs.ExamplesWithoutPair);
        var first = ContributedDataIntegration.SessionIdOf(report.IntegrationId, 1);
        var vectors = await db.Embeddings.Where(e => e.SessionId == first).OrderBy(e => e.MessageIndex).Select(e => e.Vector).ToListAsync();
        var pair = Assert.Single(pairs.Pairs, p => p.GroupId == first);
        Assert.Equal(StoredVector.FromBytes(vectors[0]), pair.Query);
        Assert.Equal(StoredVector.FromBytes(vectors[1]), pair.Target);
    }

    [Theory]
    [InlineData("append", null, "SSSSCCC")]
    [InlineData("interleave", null, "SCSCSCS")]
    public async Task The_merge_strategy_decides_where_contributed_examples_go_in_the_training_order(string merge, double? weight, string expected)
    {
        await SessionExamplesAsync(4);
        await _fixture.ImportAsync(await _fixture.WriteAsync("merge.jsonl", Enumerable.Range(1, 3).Select(i => ContributionFixture.Row(i))), merge, weight);

        Assert.Equal(expected, await OrderAsync());
    }

    [Fact]
    public async Task A_weighted_merge_mixes_contributed_examples_in_at_about_their_weight()
    {
        await SessionExamplesAsync(200);
        await _fixture.ImportAsync(await _fixture.WriteAsync("weighted.jsonl", Enumerable.Range(1, 200).Select(i => ContributionFixture.Row(i))), "weighted", 0.25);

        var order = await OrderAsync();

        Assert.Equal(400, order.Length);
        Assert.InRange(order[..200].Count(c => c == 'C'), 30, 70);
        Assert.Equal(order, await OrderAsync()); // seeded: the same order every time
    }

    /// <summary>S for a session example, C for a contributed one, in training order.</summary>
    private async Task<string> OrderAsync()
    {
        await using var db = await _fixture.DbAsync();
        var loader = new TrainingSnapshotLoader(db, new TrainerOptions());
        var order = await loader.OrderAsync("default", await loader.SnapshotAsync("default", CancellationToken.None), CancellationToken.None);
        var origins = await db.Examples.ToDictionaryAsync(e => e.Id, e => e.Origin);
        var exported = await loader.ExamplesAsync(order, CancellationToken.None).ToListAsync();
        Assert.Equal(order.Count, exported.Count);
        return string.Concat(order.Select(id => origins[id] == ExampleOrigin.Contributed ? 'C' : 'S'));
    }

    /// <summary>Accepted session examples as the validator leaves them (written directly: this test is about ordering, not the pipeline).</summary>
    private async Task SessionExamplesAsync(int count)
    {
        await using var db = await _fixture.DbAsync();
        db.Examples.AddRange(Enumerable.Range(0, count).Select(i => new ExampleRecord
        {
            SessionId = $"session-{i}", ModelName = "default", MessagesJson = ContributionFixture.Row(1000 + i, "kitchen"), ContentHash = $"hash-{i}",
            TokenCount = 30, LastMessageIndex = 1, Status = ExampleStatus.Accepted, CreatedAt = DateTime.UtcNow,
        }));
        await db.SaveChangesAsync();
    }
}

/// <summary>Cancels the import once its rows are read and saved, before it commits: the latest moment a stop can undo it.</summary>
internal sealed class CancelOnProgress(CancellationTokenSource source) : IProgress<IntegrationProgress>
{
    public void Report(IntegrationProgress value) => source.Cancel();
}
