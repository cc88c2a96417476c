using Parquet.Serialization;
using Sessions.Datasets;
using Sessions.Datasets.Parquet;

namespace Sessions.UnitTests.Datasets.Parquet;

public class ParquetRowReaderTests
{
    private static async Task<byte[]> FileOf<T>(IEnumerable<T> rows)
    {
        using var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, stream);
        return stream.ToArray();
    }

    private static async IAsyncEnumerable<ParquetChatRow> Chats(int count)
    {
        await Task.Yield();
        for (var i = 0; i < count; i++)
        {
            yield return new ParquetChatRow
            {
                SessionId = $"s{i}",
                Messages = [new() { Role = "system", Content = "be brief" }, new() { Role = "user", Content = $"question {i}" }, new() { Role = "assistant", Content = $"answer {i}" }],
            };
        }
    }

    private static async Task<List<RowResult>> Read(byte[] bytes, bool seekable = true)
    {
        Stream stream = seekable ? new MemoryStream(bytes) : new ForwardOnly(bytes);
        var results = new List<RowResult>();
        await foreach (var row in new ParquetRowReader().ReadAsync(stream, "test.parquet")) results.Add(row);
        return results;
    }

    [Fact]
    public async Task The_chat_layout_written_by_the_export_reads_back_row_by_row_across_row_groups()
    {
        using var file = new MemoryStream();
        var written = await ParquetChatWriter.WriteAsync(Chats(ParquetChatWriter.RowGroupRows + 5), file);

        var rows = await Read(file.ToArray());

        Assert.Equal(ParquetChatWriter.RowGroupRows + 5, written);
        Assert.Equal(written, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsAccepted, r.ToString()));
        var last = rows[^1].Row!;
        Assert.Equal(written, last.RowNumber);
        Assert.Equal($"s{written - 1}", last.SessionId);
        Assert.Equal(["system", "user", "assistant"], last.Messages.Select(m => m.Role));
        Assert.Equal($"answer {written - 1}", last.Messages[2].Content);
    }

    [Fact]
    public async Task Prompt_completion_rows_take_system_session_weight_and_embedding_columns()
    {
        var bytes = await FileOf([
            new ParquetTestRows.PromptCompletion { Prompt = "p1", Completion = "c1", System = "sys", SessionId = "a", Weight = 2, Embedding = [0.5f, 1f] },
            new ParquetTestRows.PromptCompletion { Prompt = "p2", Completion = "c2" },
            new ParquetTestRows.PromptCompletion { Prompt = "p3", Completion = "c3", Weight = -1 },
        ]);

        var rows = await Read(bytes, seekable: false);

        var first = rows[0].Row!;
        Assert.Equal([("system", "sys"), ("user", "p1"), ("assistant", "c1")], first.Messages.Select(m => (m.Role, m.Content)));
        Assert.Equal(("a", 2.0), (first.SessionId, first.Weight));
        Assert.Equal([0.5f, 1f], first.Embedding!);
        var second = rows[1].Row!;
        Assert.Equal(2, second.Messages.Count);
        Assert.Null(second.SessionId);
        Assert.Null(second.Embedding);
        Assert.Equal(RowRejectionCodes.InvalidWeight, rows[2].Rejection!.Code);
    }

    [Fact]
    public async Task Nulls_inside_messages_reject_that_row_only()
    {
        var ok = new List<ParquetTestRows.Message?> { new() { Role = "user", Content = "hi" }, new() { Role = "assistant", Content = "hello" } };
        var bytes = await FileOf([
            new ParquetTestRows.ChatWithNulls { Messages = ok },
            new ParquetTestRows.ChatWithNulls { Messages = [new() { Role = "user", Content = null }, new() { Role = "assistant", Content = "x" }] },
            new ParquetTestRows.ChatWithNulls { Messages = [new() { Role = null, Content = "x" }] },
            new ParquetTestRows.ChatWithNulls { Messages = [] },
            new ParquetTestRows.ChatWithNulls { Messages = null },
            new ParquetTestRows.ChatWithNulls { Messages = ok },
        ]);

        var rows = await Read(bytes);

        Assert.Equal([null, RowRejectionCodes.NullInMessages, RowRejectionCodes.NullInMessages, RowRejectionCodes.MissingMessages, RowRejectionCodes.MissingMessages, null],
            rows.Select(r => r.Rejection?.Code));
        Assert.Equal([1L, 2, 3, 4, 5, 6], rows.Select(r => r.Row?.RowNumber ?? r.Rejection!.RowNumber));
    }

    [Fact]
    public async Task A_missing_column_fails_the_file_naming_what_it_has()
    {
        var error = await Assert.ThrowsAsync<DatasetImportException>(async () => await Read(await FileOf([new ParquetTestRows.TextOnly { Text = "x" }])));

        Assert.Equal(ImportErrorCodes.ParquetColumns, error.Code);
        Assert.Contains("neither a 'messages' column", error.Message);
        Assert.Contains("text", error.Message);
    }

    [Fact]
    public async Task Wrong_column_types_fail_the_file()
    {
        var roles = await Assert.ThrowsAsync<DatasetImportException>(async () =>
            await Read(await FileOf([new ParquetTestRows.NumericRoles { Messages = [new() { Role = 1, Content = "x" }] }])));
        var prompt = await Assert.ThrowsAsync<DatasetImportException>(async () =>
            await Read(await FileOf([new ParquetTestRows.NumericPrompt { Prompt = 1, Completion = "x" }])));

        Assert.Equal(ImportErrorCodes.ParquetColumns, roles.Code);
        Assert.Contains("'messages.role' must be a string column", roles.Message);
        Assert.Equal(ImportErrorCodes.ParquetColumns, prompt.Code);
        Assert.Contains("'prompt' must be a string column", prompt.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_or_has_a_broken_footer_is_a_clear_error()
    {
        using var file = new MemoryStream();
        await ParquetChatWriter.WriteAsync(Chats(3), file);
        var broken = file.ToArray();
        Array.Fill(broken, (byte)0xFF, broken.Length - 40, 32); // the footer's metadata, before its length and magic

        var notParquet = await Assert.ThrowsAsync<DatasetImportException>(async () => await Read("id,text\n1,hello\n"u8.ToArray()));
        var corrupt = await Assert.ThrowsAsync<DatasetImportException>(async () => await Read(broken));
        var truncated = await Assert.ThrowsAsync<DatasetImportException>(async () => await Read(file.ToArray()[..^8]));

        Assert.All([notParquet, corrupt, truncated], e => Assert.Equal(ImportErrorCodes.ParquetInvalid, e.Code));
        Assert.Contains("is not a readable Parquet file", notParquet.Message);
    }

    private sealed class ForwardOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
    }
}
