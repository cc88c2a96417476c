using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sessions.Contracts;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Trainer.FineTuning;
using Sessions.UnitTests;

namespace Sessions.IntegrationTests;

/// <summary>The openai fine-tuning backend against a local server speaking the files and fine_tuning/jobs wire format.</summary>
public sealed class OpenAiFineTuningTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _uploads = new();
    private readonly ConcurrentQueue<string> _jobRequests = new();
    private string _outcome = "succeeded";
    private int _polls;
    private LocalHttpServer _server = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapPost("/v1/files", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                var file = form.Files["file"]!;
                using var reader = new StreamReader(file.OpenReadStream());
                _uploads.Enqueue($"{form["purpose"]}:{file.FileName}:{(await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length}");
                return Results.Json(new { id = $"file-{_uploads.Count}", @object = "file", purpose = "fine-tune", filename = file.FileName, bytes = file.Length });
            });
            app.MapPost("/v1/fine_tuning/jobs", async (HttpRequest request) =>
            {
                var body = await new StreamReader(request.Body).ReadToEndAsync();
                _jobRequests.Enqueue(body);
                return _outcome == "refused"
                    ? Results.Json(new { error = new { message = "Model gpt-nope is not available for fine-tuning", type = "invalid_request_error" } }, statusCode: 400)
                    : Results.Json(new { id = "ftjob-1", @object = "fine_tuning.job", status = "validating_files", model = "gpt-4o-mini-2024-07-18" });
            });
            app.MapGet("/v1/fine_tuning/jobs/{id}", (string id) => Interlocked.Increment(ref _polls) < 3
                ? Results.Json(new { id, @object = "fine_tuning.job", status = "running" })
                : _outcome == "succeeded"
                    ? Results.Json(new { id, @object = "fine_tuning.job", status = "succeeded", fine_tuned_model = "ft:gpt-4o-mini-2024-07-18:sessions::abc123" })
                    : Results.Json(new { id, @object = "fine_tuning.job", status = "failed", error = new { code = "invalid_training_file", message = "The job failed due to an invalid training file." } }));
        });
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Trainer:FineTuningBackend"] = "openai",
        ["Trainer:OpenAi:Endpoint"] = new Uri(_server.BaseAddress, "/v1").ToString(),
        ["Trainer:OpenAi:ApiKey"] = "sk-test",
        ["Trainer:OpenAi:PollInterval"] = "00:00:00.050",
    };

    [Fact]
    public async Task Files_are_uploaded_a_job_is_created_and_polled_until_it_succeeds()
    {
        await using var pipeline = await PipelineHarness.StartAsync(_database, Settings());
        await pipeline.Harness.Bus.Publish(Conversations.Valid("openai-ok", turns: 13));

        var completed = await pipeline.Harness.WaitForPublished<TrainingCompleted>();

        Assert.Equal("ft:gpt-4o-mini-2024-07-18:sessions::abc123", completed.ModelVersion);
        Assert.Contains("fine-tune:train.jsonl:", _uploads.First());
        Assert.Contains("\"training_file\":\"file-1\"", _jobRequests.Single());
        Assert.Contains("\"n_epochs\":3", _jobRequests.Single());
        Assert.True(_polls >= 3);
    }

    [Theory]
    [InlineData("failed", "fine-tuning job ftjob-1 failed: The job failed due to an invalid training file.")]
    [InlineData("refused", "HTTP 400: Model gpt-nope is not available for fine-tuning")]
    public async Task A_failed_or_refused_job_fails_the_run_with_the_services_message(string outcome, string error)
    {
        _outcome = outcome;
        await using var pipeline = await PipelineHarness.StartAsync(_database, Settings());
        await pipeline.Harness.Bus.Publish(Conversations.Valid("openai-bad", turns: 13));

        var failed = await pipeline.Harness.WaitForPublished<TrainingFailed>();

        Assert.Contains(error, failed.Error);
    }
}
