using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Sessions.Datasets.Reading;

/// <summary>
/// A JSON array of rows, read element by element with <see cref="Utf8JsonReader"/> over a refillable buffer, so the
/// array is never held whole. An element that is not UTF-8 is rejected by itself; a syntax error or an array that never
/// closes fails the file (the reader cannot find the next element reliably), after the rows before it were yielded.
/// </summary>
public sealed class JsonArrayRowReader(JsonRowMapper mapper, int maxRowBytes = 16 * 1024 * 1024) : IRowReader
{
    public async IAsyncEnumerable<RowResult> ReadAsync(
        Stream stream, string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var window = new StreamWindow(stream, maxRowBytes);
        await window.SkipByteOrderMarkAsync(cancellationToken).ConfigureAwait(false);
        var progress = new ArrayProgress();
        var batch = new List<RowResult>();
        while (true)
        {
            var consumed = ReadElements(window, source, progress, batch);
            window.Consume(consumed);
            foreach (var row in batch) yield return row;
            batch.Clear();
            if (window.Ended) break;
            if (window.Length > maxRowBytes)
            {
                throw TooLarge(source, progress.Elements + 1);
            }
            await window.ReadMoreAsync(fill: true, cancellationToken).ConfigureAwait(false);
        }

        if (!progress.Started)
            throw Malformed(source, window.Length == 0 ? "the file is empty" : "the file does not start with '['");
        if (!progress.Closed)
        {
            throw new DatasetImportException(ImportErrorCodes.JsonArrayNotClosed,
                $"{source}: the JSON array is not closed (ended after {progress.Elements} rows); is the file truncated?");
        }
        if (!window.Span.Trim(" \t\r\n"u8).IsEmpty) throw Malformed(source, "there is content after the closing ']'");
    }

    /// <summary>Reads the complete elements in the window; returns the bytes consumed (up to the last complete element).</summary>
    private int ReadElements(StreamWindow window, string source, ArrayProgress progress, List<RowResult> batch)
    {
        // Never final: a cut-off payload then stops Read() instead of throwing, and is reported as "not closed" above.
        var reader = new Utf8JsonReader(window.Span, isFinalBlock: false, progress.State);
        var consumed = 0L;
        try
        {
            while (!progress.Closed)
            {
                var stateBefore = reader.CurrentState;
                if (!reader.Read()) break;
                if (!progress.Started)
                {
                    if (reader.TokenType != JsonTokenType.StartArray) throw Malformed(source, $"the file starts with {reader.TokenType}, not '['");
                    progress.Started = true;
                }
                else if (reader.TokenType == JsonTokenType.EndArray)
                {
                    progress.Closed = true;
                }
                else
                {
                    var start = (int)reader.TokenStartIndex;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                    {
                        progress.State = stateBefore;
                        return (int)consumed;
                    }
                    progress.Elements++;
                    if (reader.BytesConsumed - start > maxRowBytes) throw TooLarge(source, progress.Elements);
                    batch.Add(ReadElement(window.Slice(start, (int)reader.BytesConsumed - start), source, progress.Elements));
                }
                consumed = reader.BytesConsumed;
                progress.State = reader.CurrentState;
            }
        }
        catch (JsonException e)
        {
            throw Malformed(source, $"invalid JSON at element {progress.Elements + 1}: {e.Message}", e);
        }
        return (int)consumed;
    }

    private RowResult ReadElement(ReadOnlyMemory<byte> element, string source, long rowNumber)
    {
        if (!Utf8.IsValid(element.Span))
        {
            return RowResult.Rejected(source, rowNumber, RowRejectionCodes.InvalidUtf8,
                $"the element is not valid UTF-8 (first bad byte at offset {JsonLinesRowReader.InvalidUtf8Offset(element.Span)})");
        }
        try
        {
            using var document = JsonDocument.Parse(element);
            return mapper.Map(document.RootElement, source, rowNumber);
        }
        catch (JsonException e)
        {
            return RowResult.Rejected(source, rowNumber, RowRejectionCodes.InvalidJson, e.Message);
        }
    }

    // Unlike a JSON Lines row, an over-long element cannot be skipped without reading its tokens whole, so it fails the file.
    private DatasetImportException TooLarge(string source, long element) => new(ImportErrorCodes.RowTooLarge,
        $"{source}: element {element} of the JSON array is larger than MaxRowBytes ({maxRowBytes}); split the file or use JSON Lines.");

    private static DatasetImportException Malformed(string source, string detail, Exception? inner = null) =>
        new(ImportErrorCodes.JsonArrayMalformed, $"{source}: the JSON array is malformed: {detail}", inner);

    private sealed class ArrayProgress
    {
        public JsonReaderState State { get; set; }

        public bool Started { get; set; }

        public bool Closed { get; set; }

        public long Elements { get; set; }
    }
}
