using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Sessions.Datasets.Reading;

/// <summary>
/// JSON Lines: one row per line. Handles a BOM, CRLF line ends and blank lines; a line that is not UTF-8
/// (<c>invalid_utf8</c>), not JSON (<c>invalid_json</c>, e.g. a truncated last line) or longer than
/// <c>maxRowBytes</c> (<c>row_too_large</c>, skipped without buffering it) is rejected with its line number.
/// </summary>
public sealed class JsonLinesRowReader(JsonRowMapper mapper, int maxRowBytes = 16 * 1024 * 1024) : IRowReader
{
    public async IAsyncEnumerable<RowResult> ReadAsync(
        Stream stream, string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var window = new StreamWindow(stream, maxRowBytes);
        await window.SkipByteOrderMarkAsync(cancellationToken).ConfigureAwait(false);
        var batch = new List<RowResult>();
        var lineNumber = 0L;
        var searched = 0;          // bytes of the unread part already known to hold no line end
        var skippedBytes = -1L;    // >= 0 while skipping the rest of an over-long line
        while (true)
        {
            var unread = window.Span;
            var newline = unread[searched..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = searched + newline;
                lineNumber++;
                if (skippedBytes >= 0 || length > maxRowBytes)
                {
                    batch.Add(TooLarge(source, lineNumber, Math.Max(skippedBytes, 0) + length));
                    skippedBytes = -1;
                }
                else
                {
                    ReadLine(window.Slice(0, length), source, lineNumber, lastLine: false, batch);
                }
                window.Consume(length + 1);
                searched = 0;
                if (batch.Count >= 64) foreach (var row in Drain(batch)) yield return row;
                continue;
            }
            foreach (var row in Drain(batch)) yield return row;
            if (window.Ended)
            {
                if (window.Length > 0 || skippedBytes >= 0)
                {
                    lineNumber++;
                    if (skippedBytes >= 0) batch.Add(TooLarge(source, lineNumber, skippedBytes + window.Length));
                    else ReadLine(window.Slice(0, window.Length), source, lineNumber, lastLine: true, batch);
                    foreach (var row in Drain(batch)) yield return row;
                }
                yield break;
            }
            searched = window.Length;
            if (window.Length > maxRowBytes)
            {
                // Drop what we have of the over-long line and keep only counting until its line end.
                skippedBytes = Math.Max(skippedBytes, 0) + window.Length;
                window.DiscardAll();
                searched = 0;
            }
            await window.ReadMoreAsync(fill: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ReadLine(ReadOnlyMemory<byte> line, string source, long lineNumber, bool lastLine, List<RowResult> batch)
    {
        var bytes = line.Span;
        if (bytes.EndsWith((byte)'\r')) line = line[..^1];
        bytes = line.Span;
        if (bytes.Trim(" \t\r"u8).IsEmpty) return;
        if (!Utf8.IsValid(bytes))
        {
            batch.Add(RowResult.Rejected(source, lineNumber, RowRejectionCodes.InvalidUtf8, $"the line is not valid UTF-8 (first bad byte at offset {InvalidUtf8Offset(bytes)})"));
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(line);
            batch.Add(mapper.Map(document.RootElement, source, lineNumber));
        }
        catch (JsonException e)
        {
            var hint = lastLine ? " (the last line has no line end: is the file truncated?)" : "";
            batch.Add(RowResult.Rejected(source, lineNumber, RowRejectionCodes.InvalidJson, e.Message + hint));
        }
    }

    internal static int InvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }
        return -1;
    }

    private RowResult TooLarge(string source, long lineNumber, long bytes) => RowResult.Rejected(
        source, lineNumber, RowRejectionCodes.RowTooLarge, $"the line has {bytes} bytes, more than MaxRowBytes ({maxRowBytes}); it was skipped");

    private static IEnumerable<RowResult> Drain(List<RowResult> batch)
    {
        var rows = batch.ToArray();
        batch.Clear();
        return rows;
    }
}
