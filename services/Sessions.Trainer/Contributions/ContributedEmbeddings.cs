using Microsoft.Extensions.AI;
using Sessions.Embeddings;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Text;

namespace Sessions.Trainer.Contributions;

/// <summary>
/// The embeddings stored for accepted contributed rows, in the processor's layout (one row per message, keyed by the
/// example's session id and message index): a row's own cleaned vector is stored for its last message with the
/// model name <see cref="ContributionOptions.EmbeddingModel"/>; a row without one gets its user and assistant
/// messages embedded by the configured generator, in batches, as the processor embeds a session.
/// </summary>
public sealed class ContributedEmbeddings(
    IEmbeddingGenerator<string, Embedding<float>> embedder, EmbeddingOptions embeddingOptions, ITokenCounter tokens, ContributionOptions options)
{
    public async Task<List<EmbeddingRecord>> ForAsync(IReadOnlyList<(string SessionId, ContributedExample Example)> accepted, CancellationToken ct)
    {
        var records = new List<EmbeddingRecord>();
        var toEmbed = new List<(string SessionId, int Index, string Text)>();
        foreach (var (sessionId, example) in accepted)
        {
            if (example.Row.Embedding is { } own)
            {
                records.Add(Record(sessionId, example.Messages.Count - 1, options.EmbeddingModel, own));
                continue;
            }

            for (var i = 0; i < example.Messages.Count; i++)
            {
                if (example.Messages[i].Role is "user" or "assistant") toEmbed.Add((sessionId, i, example.Messages[i].Content));
            }
        }

        // Batches are embedded concurrently (the built-in generator is CPU work; an endpoint serves requests in parallel).
        var batches = toEmbed.Chunk(embeddingOptions.BatchSize).ToArray();
        var results = new List<EmbeddingRecord>[batches.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, batches.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (b, token) => results[b] = await EmbedAsync(batches[b], token));
        foreach (var batch in results) records.AddRange(batch);
        return records;
    }

    private async Task<List<EmbeddingRecord>> EmbedAsync((string SessionId, int Index, string Text)[] batch, CancellationToken ct)
    {
        // A token covers at least one character, so a text no longer than the budget needs no counting.
        var texts = batch.Select(t => t.Text.Length <= embeddingOptions.MaxTokens ? t.Text : tokens.Truncate(t.Text, embeddingOptions.MaxTokens));
        var generated = await embedder.GenerateAsync(texts, cancellationToken: ct);
        var records = new List<EmbeddingRecord>(batch.Length);
        for (var j = 0; j < batch.Length; j++)
        {
            var vector = generated[j].Vector.ToArray();
            if (EmbeddingVector.Problem(vector, embeddingOptions.Dimensions) is null)
            {
                records.Add(Record(batch[j].SessionId, batch[j].Index, embeddingOptions.Model, vector));
            }
        }

        return records;
    }

    private static EmbeddingRecord Record(string sessionId, int index, string model, float[] vector) => new()
    {
        SessionId = sessionId,
        MessageIndex = index,
        Model = model,
        Dimension = vector.Length,
        Vector = StoredVector.ToBytes(vector),
    };
}
