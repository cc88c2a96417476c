using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace Sessions.Datasets.Reading;

/// <summary>
/// CSV with a header row, mapped to chat rows by <see cref="CsvColumnMapping"/>. A missing mapped column fails the
/// file with its name; a record with a bad quote, the wrong number of fields or invalid UTF-8 is rejected by itself
/// (row number = data record number, the detail names the line).
/// </summary>
public sealed class CsvRowReader(CsvColumnMapping mapping, int maxRowBytes = 16 * 1024 * 1024) : IRowReader
{
    public async IAsyncEnumerable<RowResult> ReadAsync(
        Stream stream, string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var window = new StreamWindow(stream, maxRowBytes);
        await window.SkipByteOrderMarkAsync(cancellationToken).ConfigureAwait(false);
        var fields = new List<string>();
        CsvColumns? columns = null;
        long recordNumber = 0, line = 1;
        while (true)
        {
            var outcome = CsvRecordParser.Parse(window.Span, window.Ended, (byte)mapping.Delimiter, fields, out var consumed, out var problem);
            if (outcome == CsvRecordParser.Outcome.NeedMore || (window.Length == 0 && !window.Ended))
            {
                if (window.Ended) break;
                if (window.Length > maxRowBytes)
                {
                    throw new DatasetImportException(ImportErrorCodes.RowTooLarge,
                        $"{source}: the CSV record on line {line} is larger than MaxRowBytes ({maxRowBytes}); is a quote left open?");
                }
                await window.ReadMoreAsync(fill: true, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (window.Length == 0) break;

            var record = window.Span[..consumed];
            var recordLine = line;
            line += record.Count((byte)'\n');
            var validUtf8 = Utf8.IsValid(record);
            window.Consume(consumed);
            if (outcome == CsvRecordParser.Outcome.Blank) continue;
            if (columns is null)
            {
                if (outcome != CsvRecordParser.Outcome.Record || !validUtf8)
                    throw new DatasetImportException(ImportErrorCodes.CsvHeader, $"{source}: the header line cannot be read: {problem ?? "it is not valid UTF-8"}.");
                columns = CsvColumns.FromHeader(fields, mapping, source);
                continue;
            }

            recordNumber++;
            if (outcome == CsvRecordParser.Outcome.Malformed)
                yield return RowResult.Rejected(source, recordNumber, RowRejectionCodes.CsvMalformed, $"line {recordLine}: {problem}");
            else if (!validUtf8)
                yield return RowResult.Rejected(source, recordNumber, RowRejectionCodes.InvalidUtf8, $"line {recordLine}: the record is not valid UTF-8");
            else if (fields.Count != columns.Count)
                yield return RowResult.Rejected(source, recordNumber, RowRejectionCodes.CsvMalformed, $"line {recordLine}: expected {columns.Count} fields as in the header, found {fields.Count}");
            else
                yield return columns.Map(fields, source, recordNumber);
        }
        if (columns is null) throw new DatasetImportException(ImportErrorCodes.CsvHeader, $"{source}: the CSV file is empty; a header line is required.");
    }
}
