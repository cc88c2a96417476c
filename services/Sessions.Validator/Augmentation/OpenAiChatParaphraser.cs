using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sessions.Validator.Augmentation;

/// <summary>
/// Paraphrases through an OpenAI-compatible <c>POST chat/completions</c> (OpenAI, Ollama, vLLM, llama.cpp): the
/// instruction as the system message, the user turn as the user message, the answer from
/// <c>choices[0].message.content</c>. One attempt with a timeout: a paraphrase is optional, so a failure should
/// cost the example its paraphrase, not hold up validation.
/// </summary>
public sealed class OpenAiChatParaphraser(HttpClient http, ParaphraseOptions options) : IParaphraser
{
    private readonly Uri _completions = new(
        EndingInSlash(options.Endpoint ?? throw new ArgumentException("Validator:Augmentation:Paraphrase:Endpoint is not set", nameof(options))),
        "chat/completions");

    public async Task<string> ParaphraseAsync(string userText, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _completions)
            {
                Content = JsonContent.Create(new ChatRequest(
                    options.Model, [new("system", options.Instruction), new("user", userText)], options.Temperature)),
            };
            if (!string.IsNullOrEmpty(options.ApiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
            }

            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                throw new ParaphraseServiceException(
                    $"the chat endpoint refused the request (HTTP {(int)response.StatusCode}: {Shortened(body)})", (int)response.StatusCode);
            }

            var answer = await response.Content.ReadFromJsonAsync<ChatResponse>(timeout.Token);
            var content = answer?.Choices is [{ Message.Content: { } text }, ..] ? text.Trim() : null;
            return string.IsNullOrEmpty(content)
                ? throw new ParaphraseServiceException("the chat endpoint answered without choices[0].message.content")
                : content;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ParaphraseServiceException($"the chat endpoint did not answer within {options.Timeout}", inner: ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            throw new ParaphraseServiceException($"the chat endpoint failed: {ex.Message}", inner: ex);
        }
    }

    private static Uri EndingInSlash(Uri endpoint) =>
        endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");

    private static string Shortened(string body) => body.Length <= 200 ? body : body[..200];

    private sealed record ChatRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("messages")] ChatMessage[] Messages,
        [property: JsonPropertyName("temperature")] double Temperature);

    private sealed record ChatMessage(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("content")] string? Content);

    private sealed record ChatResponse([property: JsonPropertyName("choices")] List<ChatChoice>? Choices);

    private sealed record ChatChoice([property: JsonPropertyName("message")] ChatMessage? Message);
}
