using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace Sessions.Embeddings;

/// <summary>
/// Client of the OpenAI-compatible <c>POST /v1/embeddings</c> API (OpenAI, Ollama, vLLM, text-embeddings-inference):
/// batches of <see cref="EmbeddingOptions.BatchSize"/>, a timeout per attempt, and retries with exponential backoff
/// (honouring <c>Retry-After</c>) on 429, 5xx, timeouts and broken connections. Other errors fail at once.
/// </summary>
public sealed class OpenAiEmbeddingGenerator(HttpClient http, EmbeddingOptions options) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("openai-compatible", options.Endpoint, options.Model, options.Dimensions);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? generationOptions = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Chunk(Math.Max(1, options.BatchSize)))
        {
            var response = await SendWithRetriesAsync(batch, cancellationToken);
            if (response.Data is not { } data || data.Count != batch.Length)
            {
                throw new EmbeddingServiceException($"the embeddings endpoint returned {response.Data?.Count ?? 0} vectors for {batch.Length} inputs");
            }

            foreach (var item in data.OrderBy(d => d.Index))
            {
                result.Add(new Embedding<float>(item.Embedding ?? []) { ModelId = response.Model ?? options.Model, CreatedAt = DateTimeOffset.UtcNow });
            }
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private async Task<EmbeddingsResponse> SendWithRetriesAsync(string[] batch, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "embeddings")
                {
                    Content = JsonContent.Create(new EmbeddingsRequest(options.Model, batch)),
                };
                if (!string.IsNullOrEmpty(options.ApiKey))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
                }

                using var response = await http.SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadFromJsonAsync<EmbeddingsResponse>(timeout.Token)
                        ?? throw new EmbeddingServiceException("the embeddings endpoint returned an empty body");
                }

                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                failure = $"HTTP {(int)response.StatusCode}: {ErrorMessage(body)}";
                if (!IsTransient(response.StatusCode))
                {
                    throw new EmbeddingServiceException($"the embeddings endpoint refused the request ({failure})", (int)response.StatusCode);
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                failure = $"no answer within {options.Timeout}";
            }
            catch (HttpRequestException ex)
            {
                failure = ex.Message;
            }

            if (attempt >= options.MaxRetries)
            {
                throw new EmbeddingServiceException($"the embeddings endpoint failed {attempt + 1} times; last: {failure}");
            }

            var backoff = options.RetryBaseDelay * Math.Pow(2, attempt) * (0.8 + (Random.Shared.NextDouble() * 0.4));
            await Task.Delay(retryAfter is { } wait && wait > backoff ? wait : backoff, ct);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string ErrorMessage(string body)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<ErrorEnvelope>(body)?.Error?.Message ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body.Length <= 200 ? body : body[..200];
        }
    }

    private sealed record EmbeddingsRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("input")] string[] Input)
    {
        [JsonPropertyName("encoding_format")]
        public string EncodingFormat => "float";
    }

    private sealed record EmbeddingsResponse(
        [property: JsonPropertyName("data")] List<EmbeddingItem>? Data,
        [property: JsonPropertyName("model")] string? Model);

    private sealed record EmbeddingItem(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("embedding")] float[]? Embedding);

    private sealed record ErrorEnvelope([property: JsonPropertyName("error")] ErrorBody? Error);

    private sealed record ErrorBody([property: JsonPropertyName("message")] string? Message);
}
