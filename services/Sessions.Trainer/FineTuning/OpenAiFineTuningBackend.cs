using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Sessions.Trainer.FineTuning;

/// <summary>
/// Uploads the exported files (<c>POST /files</c>, purpose <c>fine-tune</c>), creates a job
/// (<c>POST /fine_tuning/jobs</c>) and polls it (<c>GET /fine_tuning/jobs/{id}</c>) until it succeeds, fails or is
/// cancelled. A failed or cancelled job, a refused request or the timeout fails the run with the service's message.
/// </summary>
public sealed class OpenAiFineTuningBackend(HttpClient http, OpenAiFineTuningOptions options, TimeProvider clock, ILogger<OpenAiFineTuningBackend> logger) : IFineTuningBackend
{
    public async Task<FineTuningOutcome> TrainAsync(string folder, int epochs, CancellationToken ct)
    {
        var job = await RunAsync(folder, epochs, ct);
        return new FineTuningOutcome(new Dictionary<string, double> { ["job_seconds"] = Math.Round(job.Duration.TotalSeconds, 3) }, job.FineTunedModel);
    }

    public async Task<FineTuningJobOutcome> RunAsync(string folder, int epochs, CancellationToken ct)
    {
        if (http.BaseAddress is null)
        {
            throw new InvalidOperationException("Trainer:OpenAi:Endpoint is not set; configure the fine-tuning API or use the 'export' backend");
        }

        var started = clock.GetTimestamp();
        var trainingFile = await UploadAsync(Path.Combine(folder, "train.jsonl"), ct);
        var validationPath = Path.Combine(folder, "validation.jsonl");
        var validationFile = new FileInfo(validationPath).Length > 0 ? await UploadAsync(validationPath, ct) : null;

        var job = await SendAsync(HttpMethod.Post, "fine_tuning/jobs", JsonContent.Create(new
        {
            model = options.BaseModel,
            training_file = trainingFile,
            validation_file = validationFile,
            hyperparameters = new { n_epochs = epochs },
        }), ct);
        var id = job["id"]!.GetValue<string>();
        logger.LogInformation("Fine-tuning job {JobId} created for {Folder}", id, folder);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            while (true)
            {
                var status = job["status"]?.GetValue<string>() ?? "unknown";
                switch (status)
                {
                    case "succeeded":
                        return new FineTuningJobOutcome(id, status, job["fine_tuned_model"]?.GetValue<string>(), clock.GetElapsedTime(started));
                    case "failed" or "cancelled":
                        var error = job["error"]?["message"]?.GetValue<string>() ?? "no reason given";
                        throw new InvalidOperationException($"fine-tuning job {id} {status}: {error}");
                }

                await Task.Delay(options.PollInterval, timeout.Token);
                job = await SendAsync(HttpMethod.Get, $"fine_tuning/jobs/{id}", null, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"fine-tuning job {id} did not finish within {options.Timeout}");
        }
    }

    private async Task<string> UploadAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("fine-tune"), "purpose" },
            { new StreamContent(stream), "file", Path.GetFileName(path) },
        };
        var file = await SendAsync(HttpMethod.Post, "files", form, ct);
        return file["id"]!.GetValue<string>();
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }

        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            var message = TryParse(body)?["error"]?["message"]?.GetValue<string>() ?? body;
            throw new InvalidOperationException($"the fine-tuning service refused {method} {path}: HTTP {(int)response.StatusCode}: {message}");
        }

        return TryParse(body) ?? throw new InvalidOperationException($"the fine-tuning service answered {method} {path} with no JSON");
    }

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
