using Sessions.IntegrationTests.Infrastructure;
using Sessions.Processor;
using Sessions.Embeddings;

namespace Sessions.IntegrationTests;

/// <summary>The OpenAI-compatible embeddings client against a local server that speaks the same wire format.</summary>
public sealed class OpenAiEmbeddingGeneratorTests : IAsyncLifetime
{
    private FakeEmbeddingsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeEmbeddingsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private OpenAiEmbeddingGenerator Client(int maxRetries = 3, int timeoutMs = 2000) =>
        (OpenAiEmbeddingGenerator)EmbeddingGenerators.Create(new EmbeddingOptions
        {
            Provider = "openai",
            Endpoint = new Uri(_server.BaseAddress.ToString().TrimEnd('/')), // without the slash on purpose
            Model = "all-minilm",
            ApiKey = "test-key",
            MaxRetries = maxRetries,
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        });

    [Fact]
    public async Task Texts_are_sent_in_batches_of_32_and_vectors_come_back_in_input_order()
    {
        var texts = Enumerable.Range(0, 70).Select(i => $"text number {i}").ToList();

        var embeddings = await Client().GenerateAsync(texts);

        Assert.Equal([32, 32, 6], _server.Requests.Select(r => r["input"]!.AsArray().Count));
        Assert.All(_server.Requests, r => Assert.Equal("all-minilm", r["model"]!.GetValue<string>()));
        Assert.Equal(70, embeddings.Count);
        var expected = new FakeEmbeddingsServerProbe().IndexOf("text number 41");
        Assert.Equal(1f, embeddings[41].Vector.Span[expected]);
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_retried()
    {
        _server.ThenStatus(429, "Rate limit reached", retryAfter: "0");
        _server.ThenStatus(503, "overloaded");

        var embeddings = await Client().GenerateAsync(["hello there"]);

        Assert.Single(embeddings);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_fails_at_once_with_the_service_message()
    {
        _server.ThenStatus(404, "model 'all-minilm' not found, try pulling it first");

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => Client().GenerateAsync(["hello"]));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("not found, try pulling it first", error.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Persistent_failures_and_hangs_give_up_after_the_retry_limit()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.ThenStatus(500, "boom");
        }

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => Client(maxRetries: 2).GenerateAsync(["hello"]));
        Assert.Contains("failed 3 times", error.Message);
        Assert.Contains("boom", error.Message);

        _server.ThenHang(TimeSpan.FromSeconds(30));
        _server.ThenHang(TimeSpan.FromSeconds(30));
        var timeout = await Assert.ThrowsAsync<EmbeddingServiceException>(() => Client(maxRetries: 1, timeoutMs: 300).GenerateAsync(["slow"]));
        Assert.Contains("no answer within", timeout.Message);
    }

    /// <summary>Mirrors the fake server's vector: one hot at the text's hash.</summary>
    private sealed class FakeEmbeddingsServerProbe
    {
        public int IndexOf(string text) => Math.Abs(text.GetHashCode(StringComparison.Ordinal)) % 384;
    }
}
