using Microsoft.Extensions.AI;
using Sessions.Contracts;
using ChatMessage = Sessions.Contracts.ChatMessage;
using Sessions.Processor.Embeddings;
using Sessions.Processor.Examples;
using Sessions.Processor.Requirements;
using Sessions.Text;

namespace Sessions.Processor;

/// <summary>What became of a session: its rejection reasons, or its examples and message embeddings.</summary>
public sealed record SessionOutcome(
    IReadOnlyList<RejectionReason> Reasons,
    IReadOnlyList<FineTuningExample> Examples,
    IReadOnlyList<MessageEmbedding> Embeddings,
    int InvalidEmbeddings)
{
    public bool Accepted => Reasons.Count == 0;

    public static SessionOutcome Rejected(IReadOnlyList<RejectionReason> reasons) => new(reasons, [], [], 0);
}

public sealed record MessageEmbedding(int MessageIndex, float[] Vector);

/// <summary>Turns a finished session into examples and embeddings, or into reasons why not. No bus, no database.</summary>
public sealed class SessionIntake(
    SessionRequirements requirements,
    ExampleCutter cutter,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    ITokenCounter tokens,
    EmbeddingOptions embeddingOptions,
    TimeProvider clock)
{
    public async Task<SessionOutcome> ProcessAsync(SessionEnded session, CancellationToken cancellationToken)
    {
        var reasons = requirements.Check(session, clock.GetUtcNow());
        if (reasons.Count > 0)
        {
            return SessionOutcome.Rejected(reasons);
        }

        var messages = session.Messages!;
        var examples = cutter.Cut(messages);
        if (examples.Count == 0)
        {
            return SessionOutcome.Rejected([new(RejectionCodes.NoExamples, "no assistant turn follows a user turn")]);
        }

        var (embeddings, invalid) = await EmbedAsync(messages, cancellationToken);
        return new SessionOutcome([], examples, embeddings, invalid);
    }

    private async Task<(List<MessageEmbedding>, int)> EmbedAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var targets = Enumerable.Range(0, messages.Count).Where(i => messages[i].Role is "user" or "assistant").ToList();
        var embeddings = new List<MessageEmbedding>(targets.Count);
        var invalid = 0;
        foreach (var batch in targets.Chunk(embeddingOptions.BatchSize))
        {
            var texts = batch.Select(i => tokens.Truncate(messages[i].Content, embeddingOptions.MaxTokens));
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
