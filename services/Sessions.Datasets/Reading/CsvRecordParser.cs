using System.Text;

namespace Sessions.Datasets.Reading;

/// <summary>
/// RFC 4180 record splitting over UTF-8 bytes (quotes, doubled quotes, delimiters and line ends inside quoted fields,
/// CRLF or LF). Written here rather than using CsvHelper because a bad quote must become a rejection of that one record
/// with its number, parsing must go on at the next line, and an unclosed quote must not buffer the rest of the file;
/// working on bytes also lets a record with invalid UTF-8 be rejected alone.
/// </summary>
internal static class CsvRecordParser
{
    public enum Outcome { Record, Blank, NeedMore, Malformed }

    /// <summary>Parses the record at the start of <paramref name="data"/>; <paramref name="consumed"/> includes its line end.</summary>
    public static Outcome Parse(ReadOnlySpan<byte> data, bool final, byte delimiter, List<string> fields, out int consumed, out string? problem)
    {
        fields.Clear();
        consumed = 0;
        problem = null;
        if (data.StartsWith("\n"u8) || data.StartsWith("\r\n"u8))
        {
            consumed = data[0] == '\n' ? 1 : 2;
            return Outcome.Blank;
        }
        var i = 0;
        while (true)
        {
            if (i < data.Length && data[i] == '"')
            {
                var close = ClosingQuote(data, i + 1, final);
                if (close == -1) return Skip(data, final, "a quoted field is never closed", out consumed, out problem, i);
                if (close == -2) return Outcome.NeedMore;
                fields.Add(Encoding.UTF8.GetString(data[(i + 1)..close]).Replace("\"\"", "\"", StringComparison.Ordinal));
                i = close + 1;
                if (i < data.Length && data[i] == '\r') i++;
                if (i == data.Length)
                {
                    if (!final) return Outcome.NeedMore;
                    consumed = i;
                    return Outcome.Record;
                }
                if (data[i] == delimiter) { i++; continue; }
                if (data[i] == '\n') { consumed = i + 1; return Outcome.Record; }
                return Skip(data, final, $"unexpected '{(char)data[i]}' after a closing quote (an extra quote?)", out consumed, out problem, i);
            }
            var stop = data[i..].IndexOfAny(delimiter, (byte)'\n', (byte)'"');
            if (stop < 0)
            {
                if (!final) return Outcome.NeedMore;
                fields.Add(Field(data[i..]));
                consumed = data.Length;
                return Outcome.Record;
            }
            stop += i;
            if (data[stop] == '"') return Skip(data, final, "a quote inside an unquoted field", out consumed, out problem, i);
            fields.Add(Field(data[i..stop]));
            i = stop + 1;
            if (data[stop] == '\n') { consumed = i; return Outcome.Record; }
        }
    }

    /// <summary>Index of the closing quote, -2 when more data is needed, -1 when the data ends without one.</summary>
    private static int ClosingQuote(ReadOnlySpan<byte> data, int from, bool final)
    {
        var j = from;
        while (true)
        {
            var quote = data[j..].IndexOf((byte)'"');
            if (quote < 0) return final ? -1 : -2;
            j += quote;
            if (j + 1 < data.Length && data[j + 1] == '"') { j += 2; continue; }
            if (j + 1 == data.Length && !final) return -2; // cannot tell "" from a closing quote yet
            return j;
        }
    }

    /// <summary>A malformed record: skip to the end of its line so the next record can still be read.</summary>
    private static Outcome Skip(ReadOnlySpan<byte> data, bool final, string why, out int consumed, out string? problem, int at)
    {
        problem = why;
        var lineEnd = data[at..].IndexOf((byte)'\n');
        if (lineEnd < 0 && !final)
        {
            consumed = 0;
            return Outcome.NeedMore;
        }
        consumed = lineEnd < 0 ? data.Length : at + lineEnd + 1;
        return Outcome.Malformed;
    }

    private static string Field(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes.EndsWith((byte)'\r') ? bytes[..^1] : bytes);
}
