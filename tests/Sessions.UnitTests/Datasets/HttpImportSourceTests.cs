using System.Net;
using System.Net.Sockets;
using System.Text;
using Sessions.Datasets;
using Sessions.Datasets.Reading;
using Sessions.Datasets.Sources;

namespace Sessions.UnitTests.Datasets;

/// <summary>A one-request HTTP/1.1 server on loopback (TcpListener) that sends a body in two parts on cue.</summary>
public sealed class HttpImportSourceTests : IAsyncDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly HttpClient client = new();

    public HttpImportSourceTests() => listener.Start();

    private Uri Url(string path) => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}{path}");

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        listener.Stop();
        return ValueTask.CompletedTask;
    }

    private async Task ServeAsync(string status, string firstPart, Task? releaseSecondPart = null, string secondPart = "")
    {
        using var connection = await listener.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        var request = new byte[8192];
        var received = 0;
        while (!Encoding.ASCII.GetString(request, 0, received).Contains("\r\n\r\n", StringComparison.Ordinal))
            received += await stream.ReadAsync(request.AsMemory(received));
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: application/x-ndjson\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(firstPart));
        await stream.FlushAsync();
        if (releaseSecondPart is not null) await releaseSecondPart.WaitAsync(HangGuard);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(secondPart));
    }

    [Fact]
    public async Task Rows_are_read_while_the_download_is_still_going()
    {
        var firstRowSeen = new TaskCompletionSource();
        var server = ServeAsync("200 OK", DatasetFiles.ChatLine("q1", "a1") + "\n", firstRowSeen.Task, DatasetFiles.ChatLine("q2", "a2") + "\n");
        var source = new HttpImportSource(Url("/data/rows.jsonl"), client);
        var rows = new List<RowResult>();

        await using (var stream = await source.OpenAsync())
        {
            await foreach (var row in new JsonLinesRowReader(new JsonRowMapper()).ReadAsync(stream, source.Name).WithCancellation(CancellationToken.None))
            {
                rows.Add(row);
                firstRowSeen.TrySetResult(); // the server sends the rest only now: a buffered download would never get here
            }
        }
        await server.WaitAsync(HangGuard);

        Assert.Equal(["q1", "q2"], rows.Select(r => r.Row!.Messages[0].Content));
        Assert.Equal("rows.jsonl", source.FileName);
    }

    [Fact]
    public async Task A_failed_status_is_a_clear_import_error()
    {
        var server = ServeAsync("404 Not Found", "");

        var error = await Assert.ThrowsAsync<DatasetImportException>(() => new HttpImportSource(Url("/missing.jsonl"), client).OpenAsync());
        await server.WaitAsync(HangGuard);

        Assert.Equal(ImportErrorCodes.HttpFailed, error.Code);
        Assert.Contains("404", error.Message);
    }

    [Fact]
    public async Task The_dataset_reader_reads_a_url_end_to_end()
    {
        var server = ServeAsync("200 OK", """{"prompt":"p","completion":"c"}""" + "\n");
        using var files = new DatasetFiles();
        var reader = new ContributedDatasetReader(files.Options(), client);

        var rows = await DatasetFiles.CollectAsync(reader.ReadAsync(Url("/x.jsonl").ToString()));
        await server.WaitAsync(HangGuard);

        Assert.Equal("c", Assert.Single(rows).Row!.Messages[1].Content);
    }
}
