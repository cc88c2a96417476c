using System.IO.Compression;

namespace Sessions.Datasets.Sources;

/// <summary>
/// Gzip content is decompressed, whatever the format named: a <c>.jsonl</c> that is really gzip (forced with
/// <c>--format jsonl</c>, or served with <c>Content-Encoding: gzip</c>) is read as the text it holds instead of
/// failing row by row. Detected by the gzip magic bytes 1F 8B, which no JSON, JSON Lines or CSV text starts with.
/// </summary>
public static class GzipContent
{
    public static async Task<Stream> UnwrapAsync(Stream raw, CancellationToken cancellationToken)
    {
        var head = new byte[2];
        var read = 0;
        while (read < head.Length)
        {
            var n = await raw.ReadAsync(head.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            read += n;
        }

        Stream whole = new PrefixedStream(head.AsMemory(0, read), raw);
        return read == 2 && head[0] == 0x1F && head[1] == 0x8B ? new GZipStream(whole, CompressionMode.Decompress) : whole;
    }
}
