using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;

namespace Sessions.IntegrationTests.Contributions;

public sealed class ContributedDataConsumerTests_on_Sqlite() : ContributedDataConsumerTests(DatabaseProvider.Sqlite);

public sealed class ContributedDataConsumerTests_on_Postgres() : ContributedDataConsumerTests(DatabaseProvider.Postgres);

/// <summary><see cref="IntegrateContributedData"/> through the trainer's consumers on the harness, over a real database.</summary>
public abstract class ContributedDataConsumerTests(string provider) : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("sessions-imports-").FullName;
    private TestDatabase _database = null!;
    private PipelineHarness _pipeline = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _pipeline = await PipelineHarness.StartAsync(_database, new Dictionary<string, string?> { ["Datasets:Import:ImportRoots:0"] = _root });
    }

    public async Task DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task An_integration_is_published_considered_for_training_and_a_redelivery_adds_nothing()
    {
        var file = Path.Combine(_root, "rows.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 8).Select(i => ContributionFixture.Row(i)));
        var command = new IntegrateContributedData(Guid.NewGuid(), "default", file, null, "append", null, true, null, null, false, "test");

        await _pipeline.Harness.Bus.Publish(command);
        var integrated = await _pipeline.Harness.WaitForPublished<ContributedDataIntegrated>(m => m.IntegrationId == command.IntegrationId);
        await _pipeline.Harness.WaitForPublished<TrainingQueued>();
        await _pipeline.Harness.Bus.Publish(command);
        await Eventually.Until(() => _pipeline.Harness.Published.Select<ContributedDataIntegrated>().Count() == 2, TimeSpan.FromSeconds(30), "the re-published outcome");

        Assert.Equal((8L, 8L, 0L), (integrated.RowsRead, integrated.Accepted, integrated.Duplicates));
        Assert.False(await _pipeline.Harness.Published.Any<Fault<IntegrateContributedData>>());
        await using var db = await _pipeline.DbAsync();
        Assert.Equal(8, await db.Examples.CountAsync());
    }

    [Fact]
    public async Task A_missing_file_is_published_as_failed_with_its_error_code_not_as_a_fault()
    {
        var command = new IntegrateContributedData(Guid.NewGuid(), "default", Path.Combine(_root, "nope.jsonl"), null, "append", null, false, null, null, false, "test");

        await _pipeline.Harness.Bus.Publish(command);
        var failed = await _pipeline.Harness.WaitForPublished<ContributedDataFailed>(m => m.IntegrationId == command.IntegrationId);

        Assert.StartsWith("source_not_found", failed.Error);
        Assert.False(await _pipeline.Harness.Published.Any<Fault<IntegrateContributedData>>());
    }
}
