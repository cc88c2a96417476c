using Microsoft.EntityFrameworkCore;
using Parquet.Serialization;
using Sessions.Datasets;
using Sessions.Datasets.Parquet;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.IntegrationTests.Contributions;

public sealed class ParquetImportTests_on_Sqlite() : ParquetImportTests(DatabaseProvider.Sqlite);

public sealed class ParquetImportTests_on_Postgres() : ParquetImportTests(DatabaseProvider.Postgres);

/// <summary>Parquet files through the same import as the other formats: redaction, dedupe, per-row reasons, all or nothing.</summary>
public abstract class ParquetImportTests(string provider) : IAsyncLifetime
{
    private ContributionFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ContributionFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private static ParquetChatRow Chat(string user, string? assistant) => new()
    {
        Messages = [new() { Role = "user", Content = user }, new() { Role = "assistant", Content = assistant! }],
    };

    private async Task<string> WriteAsync(string name, IEnumerable<ParquetChatRow> rows)
    {
        var path = Path.Combine(_fixture.Root, name);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        await ParquetSerializer.SerializeAsync(rows, file);
        return path;
    }

    [Fact]
    public async Task A_hugging_face_chat_file_is_redacted_deduplicated_and_committed_with_per_row_reasons()
    {
        var file = await WriteAsync("chat.parquet", [
            Chat(ContributionFixture.Question(1, "garden"), ContributionFixture.Answer(1, "garden")),
            Chat("write to jane.doe@example.com about the roses in the garden please", "I will write to her about the roses and the compost soon."),
            Chat(ContributionFixture.Question(1, "garden"), ContributionFixture.Answer(1, "garden")),
            Chat("a question without an answer in the garden", null),
        ]);

        var report = await _fixture.ImportAsync(file);

        Assert.Null(report.Error);
        Assert.Equal(IntegrationStatus.Committed, report.Status);
        Assert.Equal((4L, 2L, 2L, 1L), (report.RowsRead, report.Accepted, report.Rejected, report.DuplicatesInFile));
        Assert.Contains(report.Rejections, r => (r.RowNumber, r.Code) == (3, "duplicate_exact"));
        Assert.Contains(report.Rejections, r => (r.RowNumber, r.Code) == (4, RowRejectionCodes.NullInMessages));
        await using var db = await _fixture.DbAsync();
        var stored = await db.Examples.OrderBy(e => e.Id).Select(e => e.MessagesJson).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Contains("<EMAIL>", stored[1]);
        Assert.DoesNotContain("jane.doe", stored[1]);
    }

    [Theory]
    [InlineData("not-parquet", ImportErrorCodes.ParquetInvalid)]
    [InlineData("no-messages", ImportErrorCodes.ParquetColumns)]
    public async Task A_broken_parquet_file_fails_and_leaves_the_database_exactly_as_it_was(string kind, string code)
    {
        await _fixture.ImportAsync(await _fixture.WriteAsync("before.jsonl", Enumerable.Range(0, 10).Select(i => ContributionFixture.Row(i))));
        var before = await _fixture.SnapshotAsync();
        var path = Path.Combine(_fixture.Root, kind + ".parquet");
        if (kind == "not-parquet")
        {
            await File.WriteAllTextAsync(path, "session_id,text\n1,hello\n");
        }
        else
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
            await ParquetSerializer.SerializeAsync([new ParquetChatMessage { Role = "user", Content = "no messages column here" }], file);
        }

        var report = await _fixture.ImportAsync(path);

        Assert.Equal(IntegrationStatus.Failed, report.Status);
        Assert.Contains(code, report.Error);
        Assert.Equal(before, await _fixture.SnapshotAsync());
    }
}
