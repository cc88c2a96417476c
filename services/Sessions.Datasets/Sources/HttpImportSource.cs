namespace Sessions.Datasets.Sources;

/// <summary>
/// An http(s) URL, streamed as it downloads: the response is opened with <see cref="HttpCompletionOption.ResponseHeadersRead"/>
/// so the body is never buffered whole. A non-success status fails the import with the status code.
/// </summary>
public sealed class HttpImportSource(Uri url, HttpClient client) : ImportSource
{
    public override string Name => url.ToString();

    public override string FileName => Path.GetFileName(url.AbsolutePath);

    public override async Task<Stream> OpenAsync(CancellationToken cancellationToken = default)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DatasetImportException(ImportErrorCodes.HttpFailed, $"{url}: the download could not start: {e.Message}", e);
        }
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new DatasetImportException(ImportErrorCodes.HttpFailed, $"{url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The body stream that also disposes its response.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream body) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => body.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => body.ReadAsync(buffer, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                body.Dispose();
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
