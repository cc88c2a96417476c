using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Sessions.Contracts;
using Sessions.Embeddings;
using Sessions.Processor.Enrichment;
using Sessions.Processor.Examples;
using Sessions.Processor.Requirements;
using Sessions.Text;
using Sessions.Text.Redaction;
using ChatMessage = Sessions.Contracts.ChatMessage;

namespace Sessions.Processor;

/// <summary>
/// Turns a finished session into examples and embeddings, or into reasons why not. PII is redacted first, so
/// nothing downstream (storage, embeddings, logs) sees it; then the sources are gathered concurrently.
/// No bus, no database.
/// </summary>
public sealed class SessionIntake(
    SessionRequirements requirements,
    PiiRedactor redactor,
    ExampleCutter cutter,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IEnumerable<IEnrichmentSource> sources,
    ITokenCounter tokens,
    EmbeddingOptions embeddingOptions,
    TimeProvider clock,
    ProcessorMetrics? metrics = null)
{
    public async Task<SessionOutcome> ProcessAsync(SessionEnded session, CancellationToken cancellationToken)
    {
        using var activity = ProcessorMetrics.ActivitySource.StartActivity("Process session");
        activity?.SetTag("session.id", session.SessionId);
        metrics?.Received();
        var reasons = requirements.Check(session, clock.GetUtcNow());
        if (reasons.Count > 0)
        {
            metrics?.Rejected(reasons.Select(r => r.Code));
            return SessionOutcome.Rejected(reasons);
        }

        var (redacted, pii) = Redact(session);
        var messages = redacted.Messages!;
        var examples = cutter.Cut(messages);
        if (examples.Count == 0)
        {
            metrics?.Rejected([RejectionCodes.NoExamples]);
            return SessionOutcome.Rejected([new(RejectionCodes.NoExamples, "no assistant turn follows a user turn")]);
        }

        List<MessageEmbedding> embeddings = [];
        var invalid = 0;
        var gathered = await Task.WhenAll(
            sources.Select(s => SourceResult.RunAsync(s.Name, s.Required, () => s.FetchAsync(redacted, cancellationToken)))
                .Prepend(SourceResult.RunAsync("embeddings", embeddingOptions.Required, async () =>
                {
                    var started = clock.GetTimestamp();
                    (embeddings, invalid) = await EmbedAsync(messages, cancellationToken);
                    metrics?.Embedded(clock.GetElapsedTime(started));
                    // Vectors that are NaN/Inf, zero or of the wrong dimension are not stored; the count is kept here.
                    return new JsonObject { ["model"] = embeddingOptions.Model, ["stored"] = embeddings.Count, ["rejected"] = invalid };
                })));

        var failedRequired = gathered.Where(r => r.Required && !r.Succeeded).ToList();
        if (failedRequired.Count > 0)
        {
            throw new RequiredSourceFailedException(failedRequired);
        }

        // Redaction and token counting run locally and always succeed; they count as sources answered.
        metrics?.Accepted();
        var results = gathered.Prepend(new SourceResult("tokens", true, true, null, null)).Prepend(new SourceResult("redaction", true, true, null, null)).ToList();
        return new SessionOutcome([], redacted, examples, embeddings, invalid, pii, results);
    }

    private (SessionEnded Session, IReadOnlyDictionary<string, int> Counts) Redact(SessionEnded session)
    {
        var counts = new Dictionary<string, int>();
        var messages = session.Messages!.Select(m =>
        {
            var result = redactor.Redact(m.Content);
            foreach (var (type, count) in result.Counts)
            {
                counts[type.ToString()] = counts.GetValueOrDefault(type.ToString()) + count;
            }

            return result.Total == 0 ? m : m with { Content = result.Text };
        }).ToList();
        return (session with { Messages = messages }, counts);
    }

    private async Task<(List<MessageEmbedding>, int)> EmbedAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var targets = Enumerable.Range(0, messages.Count).Where(i => messages[i].Role is "user" or "assistant").ToList();
        var embeddings = new List<MessageEmbedding>(targets.Count);
        var invalid = 0;
        foreach (var batch in targets.Chunk(embeddingOptions.BatchSize))
        {
            // A token covers at least one character, so a text no longer than the budget needs no counting.
            var texts = batch.Select(i => messages[i].Content.Length <= embeddingOptions.MaxTokens
                ? messages[i].Content
                : tokens.Truncate(messages[i].Content, embeddingOptions.MaxTokens));
            var generated = await embedder.GenerateAsync(texts, cancellationToken: cancellationToken);
            for (var j = 0; j < batch.Length; j++)
            {
                var vector = generated[j].Vector.ToArray();
                if (EmbeddingVector.Problem(vector, embeddingOptions.Dimensions) is null)
                {
                    embeddings.Add(new MessageEmbedding(batch[j], vector));
                }
                else
                {
                    invalid++;
                }
            }
        }

        return (embeddings, invalid);
    }
}
