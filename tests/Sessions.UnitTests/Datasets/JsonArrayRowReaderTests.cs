using System.Text;
using Sessions.Datasets;
using Sessions.Datasets.Reading;

namespace Sessions.UnitTests.Datasets;

public class JsonArrayRowReaderTests
{
    private static readonly JsonArrayRowReader Reader = new(new JsonRowMapper());

    private static string Array(int rows) =>
        "[\n" + string.Join(",\n", Enumerable.Range(1, rows).Select(i => DatasetFiles.ChatLine($"q{i}", $"a{i}"))) + "\n]\n";

    [Fact]
    public async Task Each_element_is_a_row_numbered_from_one()
    {
        var results = await DatasetFiles.ReadAsync(Reader, "\uFEFF" + Array(3));

        Assert.Equal([1L, 2L, 3L], results.Select(r => r.Row!.RowNumber));
        Assert.Equal("a3", results[2].Row!.Messages[1].Content);
    }

    [Fact]
    public async Task Elements_straddling_read_boundaries_are_read_the_same()
    {
        var bytes = Encoding.UTF8.GetBytes(Array(40));

        var results = await DatasetFiles.ReadAsync(new JsonArrayRowReader(new JsonRowMapper(), maxRowBytes: 200), bytes, chunk: 5);

        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"q{i}"), results.Select(r => r.Row!.Messages[0].Content));
    }

    [Fact]
    public async Task An_array_that_never_closes_fails_after_yielding_the_rows_before_the_cut()
    {
        var text = Array(3).TrimEnd()[..^1] + ", {\"messages\": [{\"role\":";
        var results = new List<RowResult>();

        var error = await Assert.ThrowsAsync<DatasetImportException>(async () =>
        {
            await foreach (var row in Reader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "cut.json")) results.Add(row);
        });

        Assert.Equal(ImportErrorCodes.JsonArrayNotClosed, error.Code);
        Assert.Contains("the JSON array is not closed (ended after 3 rows)", error.Message);
        Assert.Equal(3, results.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"messages\":[]}")]
    [InlineData("[{\"prompt\":\"a\",\"completion\":\"b\"}, {oops}]")]
    [InlineData("[{\"prompt\":\"a\",\"completion\":\"b\"}] trailing")]
    public async Task A_broken_array_fails_with_a_clear_error(string text)
    {
        var error = await Assert.ThrowsAsync<DatasetImportException>(() => DatasetFiles.ReadAsync(Reader, text));

        Assert.Equal(ImportErrorCodes.JsonArrayMalformed, error.Code);
    }

    [Fact]
    public async Task An_element_with_invalid_utf8_is_rejected_alone()
    {
        byte[] bytes = [.. "[{\"prompt\":\"caf"u8, 0xFF, .. "\",\"completion\":\"b\"},{\"prompt\":\"x\",\"completion\":\"y\"}]"u8];

        var results = await DatasetFiles.ReadAsync(Reader, bytes);

        Assert.Equal([RowRejectionCodes.InvalidUtf8, null], results.Select(r => r.Rejection?.Code));
    }

    [Fact]
    public async Task An_element_over_the_limit_fails_the_file()
    {
        var reader = new JsonArrayRowReader(new JsonRowMapper(), maxRowBytes: 100);
        var text = "[" + DatasetFiles.ChatLine(new string('z', 500), "b") + "]";

        var error = await Assert.ThrowsAsync<DatasetImportException>(() => DatasetFiles.ReadAsync(reader, Encoding.UTF8.GetBytes(text), chunk: 32));

        Assert.Equal(ImportErrorCodes.RowTooLarge, error.Code);
    }
}
