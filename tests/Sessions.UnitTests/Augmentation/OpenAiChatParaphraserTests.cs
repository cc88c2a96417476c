using System.Net;
using System.Text;
using System.Text.Json;
using Sessions.Validator.Augmentation;

namespace Sessions.UnitTests.Augmentation;

public class OpenAiChatParaphraserTests
{
    // The wire format of OpenAI's chat completions, as Ollama and vLLM answer it too.
    private const string Completion = """
        {
          "id": "chatcmpl-9x7",
          "object": "chat.completion",
          "created": 1732280000,
          "model": "llama3.2",
          "choices": [
            {
              "index": 0,
              "message": { "role": "assistant", "content": "  Why did my monthly bill go up after I added storage?\n" },
              "logprobs": null,
              "finish_reason": "stop"
            }
          ],
          "usage": { "prompt_tokens": 52, "completion_tokens": 12, "total_tokens": 64 }
        }
        """;

    [Fact]
    public async Task The_first_choice_is_the_paraphrase()
    {
        var endpoint = new RecordingEndpoint(HttpStatusCode.OK, Completion);
        var paraphraser = Paraphraser(endpoint, "http://127.0.0.1:11434/v1", apiKey: "test-key");

        var paraphrase = await paraphraser.ParaphraseAsync("My invoice went up after I attached storage. Why?");

        Assert.Equal("Why did my monthly bill go up after I added storage?", paraphrase);
        Assert.Equal("http://127.0.0.1:11434/v1/chat/completions", endpoint.Request!.RequestUri!.ToString());
        Assert.Equal(HttpMethod.Post, endpoint.Request.Method);
        Assert.Equal("Bearer test-key", endpoint.Request.Headers.Authorization!.ToString());
        using var body = JsonDocument.Parse(endpoint.Body!);
        Assert.Equal("llama3.2", body.RootElement.GetProperty("model").GetString());
        var messages = body.RootElement.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal("user", messages[1].GetProperty("role").GetString());
        Assert.Equal("My invoice went up after I attached storage. Why?", messages[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_refusal_is_a_paraphrase_error_with_the_status()
    {
        var endpoint = new RecordingEndpoint(HttpStatusCode.NotFound, """{"error":{"message":"model 'llama3.2' not found"}}""");

        var error = await Assert.ThrowsAsync<ParaphraseServiceException>(() => Paraphraser(endpoint, "http://127.0.0.1:11434/v1/").ParaphraseAsync("Hi there"));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("not found", error.Message);
    }

    [Theory]
    [InlineData("""{"choices":[]}""")]
    [InlineData("""{"choices":[{"message":{"role":"assistant","content":"   "}}]}""")]
    [InlineData("not json")]
    public async Task An_answer_without_content_is_a_paraphrase_error(string body)
    {
        var endpoint = new RecordingEndpoint(HttpStatusCode.OK, body);

        await Assert.ThrowsAsync<ParaphraseServiceException>(() => Paraphraser(endpoint, "http://127.0.0.1:11434/v1/").ParaphraseAsync("Hi there"));
    }

    [Fact]
    public void Paraphrasing_is_off_unless_configured()
    {
        var options = new AugmentationOptions();

        Assert.False(options.Paraphrase.Enabled);
        Assert.Throws<ArgumentException>(() => new OpenAiChatParaphraser(new HttpClient(), options.Paraphrase));
    }

    private static OpenAiChatParaphraser Paraphraser(RecordingEndpoint endpoint, string address, string? apiKey = null) =>
        new(new HttpClient(endpoint), new ParaphraseOptions { Enabled = true, Endpoint = new Uri(address), Model = "llama3.2", ApiKey = apiKey });

    private sealed class RecordingEndpoint(HttpStatusCode status, string answer) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
