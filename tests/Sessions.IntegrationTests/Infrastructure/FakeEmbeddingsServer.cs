using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>
/// A stand-in for an embeddings service that cannot run here, speaking OpenAI's <c>POST /v1/embeddings</c>
/// wire format, including its error envelope. Scripted failures are served first, then successes.
/// </summary>
public sealed class FakeEmbeddingsServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private LocalHttpServer _server = null!;

    public ConcurrentQueue<JsonNode> Requests { get; } = new();
    public int Dimensions { get; set; } = 384;
    public Uri BaseAddress => new(_server.BaseAddress, "/v1/");

    public static async Task<FakeEmbeddingsServer> StartAsync()
    {
        var fake = new FakeEmbeddingsServer();
        fake._server = await LocalHttpServer.StartAsync(app => app.MapPost("/v1/embeddings", fake.HandleAsync));
        return fake;
    }

    public void ThenStatus(int status, string message, string? retryAfter = null) => _script.Enqueue(async context =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await context.Response.WriteAsJsonAsync(new { error = new { message, type = status == 429 ? "rate_limit_exceeded" : "invalid_request_error", code = (string?)null } });
    });

    public void ThenHang(TimeSpan delay) => _script.Enqueue(async context => await Task.Delay(delay, context.RequestAborted));

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = (await JsonNode.ParseAsync(context.Request.Body))!;
        Requests.Enqueue(request);
        if (_script.TryDequeue(out var scripted))
        {
            await scripted(context);
            return;
        }

        var inputs = request["input"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        // Out of order on purpose: clients must use "index", as the API allows.
        var data = inputs.Select((text, i) => new { @object = "embedding", index = i, embedding = Vector(text) }).Reverse();
        await context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            data,
            model = request["model"]!.GetValue<string>(),
            usage = new { prompt_tokens = inputs.Sum(t => t.Length / 4), total_tokens = inputs.Sum(t => t.Length / 4) },
        });
    }

    private float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        vector[Math.Abs(text.GetHashCode(StringComparison.Ordinal)) % Dimensions] = 1f;
        return vector;
    }
}
