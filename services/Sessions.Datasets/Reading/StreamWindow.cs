namespace Sessions.Datasets.Reading;

/// <summary>
/// The unread part of a stream held in one growable byte buffer: readers parse complete rows out of
/// <see cref="Span"/>, consume them, and ask for more. It grows only while one row does not fit, and never past
/// about <c>maxRowBytes</c>, so memory stays bounded whatever the file size.
/// </summary>
internal sealed class StreamWindow(Stream stream, int maxRowBytes, int initialSize = 128 * 1024)
{
    private readonly int capacityLimit = Math.Max(initialSize, maxRowBytes + 1);

    public byte[] Buffer { get; private set; } = new byte[Math.Min(initialSize, Math.Max(4096, maxRowBytes + 1))];

    public int Start { get; private set; }

    public int End { get; private set; }

    public bool Ended { get; private set; }

    public int Length => End - Start;

    public ReadOnlySpan<byte> Span => Buffer.AsSpan(Start, End - Start);

    public ReadOnlyMemory<byte> Slice(int offset, int length) => Buffer.AsMemory(Start + offset, length);

    public void Consume(int count) => Start += count;

    public void DiscardAll() => Start = End = 0;

    /// <summary>Reads more bytes after the unread ones; with <paramref name="fill"/>, until the buffer is full or the stream ends. False once the stream has ended.</summary>
    public async ValueTask<bool> ReadMoreAsync(bool fill, CancellationToken cancellationToken)
    {
        if (Ended) return false;
        if (Start > 0)
        {
            Buffer.AsSpan(Start, Length).CopyTo(Buffer);
            End -= Start;
            Start = 0;
        }
        if (End == Buffer.Length)
        {
            // Callers turn a row longer than maxRowBytes into a rejection or an error before asking for more.
            if (Buffer.Length >= capacityLimit) throw new InvalidOperationException("A row outgrew the read buffer limit.");
            var grown = new byte[(int)Math.Min((long)Buffer.Length * 2, capacityLimit)];
            Buffer.AsSpan(0, End).CopyTo(grown);
            Buffer = grown;
        }
        do
        {
            var read = await stream.ReadAsync(Buffer.AsMemory(End), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                Ended = true;
                break;
            }
            End += read;
        }
        while (fill && End < Buffer.Length);
        return !Ended || Length > 0;
    }

    /// <summary>Skips a UTF-8 byte order mark at the very start of the stream.</summary>
    public async ValueTask SkipByteOrderMarkAsync(CancellationToken cancellationToken)
    {
        while (Length < 3 && !Ended) await ReadMoreAsync(fill: false, cancellationToken).ConfigureAwait(false);
        if (Span.StartsWith(ByteOrderMark)) Consume(3);
    }

    public static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];
}
