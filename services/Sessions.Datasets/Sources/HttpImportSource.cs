namespace Sessions.Datasets.Sources;

/// <summary>
/// An http(s) URL, streamed as it downloads: the response is opened with <see cref="HttpCompletionOption.ResponseHeadersRead"/>
/// so the body is never buffered whole. A non-success status fails the import with the status code; so do headers that
/// take longer than <see cref="HttpTimeouts.Headers"/> and a body that stalls for <see cref="HttpTimeouts.Stall"/>.
/// A body sent with <c>Content-Encoding: gzip</c> (or that is gzip) is decompressed; any other encoding is refused.
/// </summary>
public sealed class HttpImportSource(Uri url, HttpClient client, HttpTimeouts? timeouts = null) : ImportSource
{
    private readonly HttpTimeouts _timeouts = timeouts ?? new HttpTimeouts();

    public override string Name => url.ToString();

    public override string FileName => Path.GetFileName(url.AbsolutePath);

    public override async Task<Stream> OpenAsync(CancellationToken cancellationToken = default)
    {
        HttpResponseMessage response;
        using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headers.CancelAfter(_timeouts.Headers);
        try
        {
            response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, headers.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DatasetImportException(ImportErrorCodes.HttpFailed, $"{url}: the download could not start: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DatasetImportException(ImportErrorCodes.HttpFailed, $"{url}: no response headers within {_timeouts.Headers.TotalSeconds:0} s.", e);
        }
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new DatasetImportException(ImportErrorCodes.HttpFailed, $"{url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        var encodings = response.Content.Headers.ContentEncoding.Where(e => !e.Equals("identity", StringComparison.OrdinalIgnoreCase)).ToList();
        if (encodings.Any(e => !e.Equals("gzip", StringComparison.OrdinalIgnoreCase) && !e.Equals("x-gzip", StringComparison.OrdinalIgnoreCase)))
        {
            response.Dispose();
            throw new DatasetImportException(ImportErrorCodes.HttpFailed, $"{url}: the server sent Content-Encoding {string.Join(", ", encodings)}; only gzip is understood.");
        }

        var body = new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), url, _timeouts.Stall);
        // gzip is recognised by its magic bytes, so Content-Encoding: gzip and a .gz body served as is both end as text.
        return await GzipContent.UnwrapAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The body stream that also disposes its response, and fails a read that waits longer than <paramref name="stall"/>.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream body, Uri url, TimeSpan stall) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(stall);
            try
            {
                return await body.ReadAsync(buffer, quiet.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DatasetImportException(ImportErrorCodes.HttpFailed, $"{url}: the server sent nothing for {stall.TotalSeconds:0} s; the download is abandoned.", e);
            }
            catch (IOException e)
            {
                throw new DatasetImportException(ImportErrorCodes.HttpFailed, $"{url}: the download broke off: {e.Message}", e);
            }
        }
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
