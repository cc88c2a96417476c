namespace Sessions.Datasets.Reading;

/// <summary>Reads one contributed file as a stream of rows and per-row rejections, in file order, in bounded memory.</summary>
public interface IRowReader
{
    /// <summary>
    /// Yields one <see cref="RowResult"/> per row. Throws <see cref="DatasetImportException"/> when the file is broken
    /// beyond one row (then the rows yielded so far count as read, but the integration must fail).
    /// </summary>
    IAsyncEnumerable<RowResult> ReadAsync(Stream stream, string source, CancellationToken cancellationToken = default);
}
