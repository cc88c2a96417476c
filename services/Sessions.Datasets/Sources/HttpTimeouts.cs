namespace Sessions.Datasets.Sources;

/// <summary>
/// Limits of an http(s) source (section <c>Datasets:Import:Http</c> where bound). A download may take as long as it
/// keeps sending; a server that sends nothing for <see cref="Stall"/> fails the import with <c>http_failed</c>.
/// </summary>
public sealed class HttpTimeouts
{
    /// <summary>From the request to the response headers (connect, TLS, server think time).</summary>
    public TimeSpan Headers { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest silence between two reads of the body.</summary>
    public TimeSpan Stall { get; set; } = TimeSpan.FromSeconds(60);
}
