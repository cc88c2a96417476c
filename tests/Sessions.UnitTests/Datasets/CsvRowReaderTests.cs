using System.Text;
using Sessions.Datasets;
using Sessions.Datasets.Reading;

namespace Sessions.UnitTests.Datasets;

public class CsvRowReaderTests
{
    private static readonly CsvRowReader Reader = new(new CsvColumnMapping());

    [Fact]
    public async Task Quoted_fields_with_delimiters_line_ends_and_doubled_quotes_are_read()
    {
        var text = "\uFEFFprompt,completion,session_id,embedding\r\n"
            + "\"Hi, there\",\"Line one\r\nline \"\"two\"\"\",s-1,\"[1,0,0]\"\r\n"
            + "plain,answer,,\r\n";

        var results = await DatasetFiles.ReadAsync(Reader, text);

        Assert.All(results, r => Assert.True(r.IsAccepted, r.ToString()));
        var first = results[0].Row!;
        Assert.Equal([new("user", "Hi, there"), new("assistant", "Line one\r\nline \"two\"")], first.Messages);
        Assert.Equal("s-1", first.SessionId);
        Assert.Equal([1f, 0f, 0f], first.Embedding!);
        Assert.Equal((2L, null, null), (results[1].Row!.RowNumber, results[1].Row!.SessionId, results[1].Row!.Embedding));
    }

    [Fact]
    public async Task The_column_mapping_picks_user_assistant_and_system_columns()
    {
        var reader = new CsvRowReader(new CsvColumnMapping { UserColumn = "question", AssistantColumn = "answer", SystemColumn = "persona", Delimiter = ';' });

        var results = await DatasetFiles.ReadAsync(reader, "id;persona;question;answer\n7;Be kind.;Why?;Because.\n");

        Assert.Equal([new("system", "Be kind."), new("user", "Why?"), new("assistant", "Because.")], Assert.Single(results).Row!.Messages);
    }

    [Theory]
    [InlineData("prompt,answer\na,b\n", "completion")]
    [InlineData("prompt,completion\na,b\n", "vector")]
    public async Task A_missing_mapped_column_fails_with_its_name(string text, string missing)
    {
        var reader = new CsvRowReader(new CsvColumnMapping { EmbeddingColumn = missing == "vector" ? "vector" : null });

        var error = await Assert.ThrowsAsync<DatasetImportException>(() => DatasetFiles.ReadAsync(reader, text));

        Assert.Equal(ImportErrorCodes.CsvHeader, error.Code);
        Assert.Contains($"no column '{missing}'", error.Message);
    }

    [Fact]
    public async Task Bad_quotes_and_wrong_field_counts_reject_their_record_and_reading_goes_on()
    {
        var text = "prompt,completion\n"
            + "ok,fine\n"
            + "say \"hi\",x\n"          // quote inside an unquoted field
            + "\"closed\"extra,x\n"     // text after a closing quote
            + "only one field\n"
            + "a,b,c\n"
            + "last,row\n";

        var results = await DatasetFiles.ReadAsync(Reader, text);

        Assert.Equal(
            [null, RowRejectionCodes.CsvMalformed, RowRejectionCodes.CsvMalformed, RowRejectionCodes.CsvMalformed, RowRejectionCodes.CsvMalformed, null],
            results.Select(r => r.Rejection?.Code));
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], results.Select(r => r.Row?.RowNumber ?? r.Rejection!.RowNumber));
        Assert.StartsWith("line 3:", results[1].Rejection!.Detail);
        Assert.Contains("expected 2 fields", results[3].Rejection!.Detail);
    }

    [Fact]
    public async Task A_quote_left_open_at_the_end_rejects_that_record()
    {
        var results = await DatasetFiles.ReadAsync(Reader, "prompt,completion\na,b\n\"never closed,b\n");

        Assert.Equal([null, RowRejectionCodes.CsvMalformed], results.Select(r => r.Rejection?.Code));
        Assert.Contains("never closed", results[1].Rejection!.Detail);
    }

    [Fact]
    public async Task Invalid_utf8_and_empty_content_reject_their_record()
    {
        byte[] bytes = [.. "prompt,completion\ncaf"u8, 0xFF, .. ",b\n ,b\nq,a"u8];

        var results = await DatasetFiles.ReadAsync(Reader, bytes, chunk: 3);

        Assert.Equal([RowRejectionCodes.InvalidUtf8, RowRejectionCodes.EmptyContent, null], results.Select(r => r.Rejection?.Code));
    }

    [Fact]
    public async Task Records_straddling_read_boundaries_are_read_the_same()
    {
        var text = "prompt,completion\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"\"q{i}, \"\"x\"\"\",a{i}\r\n"));

        var results = await DatasetFiles.ReadAsync(Reader, Encoding.UTF8.GetBytes(text), chunk: 4);

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"q{i}, \"x\""), results.Select(r => r.Row!.Messages[0].Content));
    }

    [Fact]
    public async Task An_empty_file_fails_for_want_of_a_header()
    {
        var error = await Assert.ThrowsAsync<DatasetImportException>(() => DatasetFiles.ReadAsync(Reader, ""));

        Assert.Equal(ImportErrorCodes.CsvHeader, error.Code);
    }
}
