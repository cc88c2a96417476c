using System.IO.Compression;
using System.Text;
using Sessions.Datasets.Sources;

namespace Sessions.UnitTests.Security;

public class GzipContentTests
{
    [Fact]
    public async Task Gzip_bytes_are_decompressed_whatever_the_name()
    {
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("{\"a\":1}\n{\"a\":2}\n"));
        }

        compressed.Position = 0;
        await using var stream = await GzipContent.UnwrapAsync(compressed, CancellationToken.None);
        using var reader = new StreamReader(stream);

        Assert.Equal("{\"a\":1}\n{\"a\":2}\n", await reader.ReadToEndAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("{\"a\":1}\n")]
    public async Task Plain_text_passes_unchanged_including_tiny_files(string text)
    {
        await using var stream = await GzipContent.UnwrapAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);
        using var reader = new StreamReader(stream);

        Assert.Equal(text, await reader.ReadToEndAsync());
    }
}
