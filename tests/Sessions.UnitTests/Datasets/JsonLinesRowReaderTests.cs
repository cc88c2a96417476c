using System.Text;
using Sessions.Datasets;
using Sessions.Datasets.Reading;

namespace Sessions.UnitTests.Datasets;

public class JsonLinesRowReaderTests
{
    private static readonly JsonLinesRowReader Reader = new(new JsonRowMapper());

    [Fact]
    public async Task Chat_and_prompt_completion_rows_are_read_in_chat_format()
    {
        var text = DatasetFiles.ChatLine("Hi", "Hello!", ""","session_id":"s-1","weight":2""") + "\n"
            + """{"prompt":"2+2?","completion":"4","system":"Be brief."}""" + "\n";

        var results = await DatasetFiles.ReadAsync(Reader, text);

        Assert.All(results, r => Assert.True(r.IsAccepted, r.ToString()));
        var chat = results[0].Row!;
        Assert.Equal((1, "s-1", 2.0), (chat.RowNumber, chat.SessionId, chat.Weight));
        Assert.Equal([new("user", "Hi"), new("assistant", "Hello!")], chat.Messages);
        Assert.Equal(
            [new("system", "Be brief."), new("user", "2+2?"), new("assistant", "4")],
            results[1].Row!.Messages);
        Assert.Equal(2, results[1].Row!.RowNumber);
    }

    [Fact]
    public async Task A_bom_crlf_line_ends_and_blank_lines_are_accepted_and_line_numbers_stay_physical()
    {
        var text = "\uFEFF" + DatasetFiles.ChatLine("a", "b") + "\r\n\r\n   \r\n" + DatasetFiles.ChatLine("c", "d") + "\r\n";

        var results = await DatasetFiles.ReadAsync(Reader, text);

        Assert.Equal([1L, 4L], results.Select(r => r.Row!.RowNumber));
        Assert.Equal("d", results[1].Row!.Messages[1].Content);
    }

    [Fact]
    public async Task A_truncated_last_line_is_rejected_as_invalid_json_and_earlier_rows_are_kept()
    {
        var text = DatasetFiles.ChatLine("a", "b") + "\n" + """{"messages":[{"role":"user","con""";

        var results = await DatasetFiles.ReadAsync(Reader, text);

        Assert.True(results[0].IsAccepted);
        Assert.Equal((2L, RowRejectionCodes.InvalidJson), (results[1].Rejection!.RowNumber, results[1].Rejection!.Code));
        Assert.Contains("truncated", results[1].Rejection!.Detail);
    }

    [Fact]
    public async Task Invalid_utf8_rejects_only_its_line()
    {
        var line = DatasetFiles.ChatLine("caf#", "b").Split('#');
        byte[] bytes = [
            .. Encoding.UTF8.GetBytes(DatasetFiles.ChatLine("a", "b") + "\n" + line[0]),
            0xC3, 0x28, // a lead byte followed by ASCII: not UTF-8
            .. Encoding.UTF8.GetBytes(line[1] + "\n" + DatasetFiles.ChatLine("c", "d") + "\n")];

        var results = await DatasetFiles.ReadAsync(Reader, bytes);

        Assert.Equal([null, RowRejectionCodes.InvalidUtf8, null], results.Select(r => r.Rejection?.Code));
        Assert.Equal(2, results[1].Rejection!.RowNumber);
    }

    [Fact]
    public async Task A_50_MB_single_line_is_rejected_as_too_large_and_the_rows_after_it_are_read()
    {
        var huge = DatasetFiles.ChatLine(new string('x', 50 * 1024 * 1024), "b");
        var bytes = Encoding.UTF8.GetBytes(DatasetFiles.ChatLine("a", "b") + "\n" + huge + "\n" + DatasetFiles.ChatLine("c", "d"));

        var results = await DatasetFiles.ReadAsync(Reader, bytes);

        Assert.Equal([null, RowRejectionCodes.RowTooLarge, null], results.Select(r => r.Rejection?.Code));
        Assert.Contains($"{huge.Length} bytes", results[1].Rejection!.Detail);
        Assert.Equal(3, results[2].Row!.RowNumber);
    }

    [Fact]
    public async Task Rows_straddling_read_boundaries_are_read_the_same_as_whole()
    {
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => DatasetFiles.ChatLine($"q{i}", $"a{i}") + (i % 2 == 0 ? "\r\n" : "\n")));
        var bytes = Encoding.UTF8.GetBytes(text);
        var small = new JsonLinesRowReader(new JsonRowMapper(), maxRowBytes: 100);

        var whole = await DatasetFiles.ReadAsync(Reader, bytes);
        var trickled = await DatasetFiles.ReadAsync(small, bytes, chunk: 7);

        Assert.Equal(50, trickled.Count(r => r.IsAccepted));
        Assert.Equal(whole.Select(r => r.Row!.Messages[0].Content), trickled.Select(r => r.Row!.Messages[0].Content));
    }

    [Fact]
    public async Task A_line_over_the_configured_limit_is_rejected_even_when_it_arrives_in_pieces()
    {
        var small = new JsonLinesRowReader(new JsonRowMapper(), maxRowBytes: 100);
        var text = DatasetFiles.ChatLine(new string('y', 300), "b") + "\n" + DatasetFiles.ChatLine("a", "b") + "\n";

        var results = await DatasetFiles.ReadAsync(small, Encoding.UTF8.GetBytes(text), chunk: 16);

        Assert.Equal([RowRejectionCodes.RowTooLarge, null], results.Select(r => r.Rejection?.Code));
    }

    public static TheoryData<string, string> BadRows() => new()
    {
        { """{"messages":[]}""", RowRejectionCodes.SchemaViolation },
        { """{"messages":[{"role":"bot","content":"x"},{"role":"assistant","content":"y"}]}""", RowRejectionCodes.UnknownRole },
        { """{"messages":[{"role":"user","content":"  "},{"role":"assistant","content":"y"}]}""", RowRejectionCodes.EmptyContent },
        { """{"messages":[{"role":"user","content":"x"}]}""", RowRejectionCodes.NoAssistantMessage },
        { """{"prompt":"x"}""", RowRejectionCodes.SchemaViolation },
        { """[1,2]""", RowRejectionCodes.SchemaViolation },
        { """{"prompt":"x","completion":"y","weight":0}""", RowRejectionCodes.InvalidWeight },
        { """{"prompt":"x","completion":"y","embedding":[1,"a"]}""", RowRejectionCodes.EmbeddingInvalid },
        { """{"prompt":"x","completion":"y","embedding":[1,NaN]}""", RowRejectionCodes.InvalidJson },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_bad_row_gets_its_reason_code(string line, string code)
    {
        var results = await DatasetFiles.ReadAsync(Reader, line + "\n");

        Assert.Equal(code, Assert.Single(results).Rejection?.Code);
    }
}
