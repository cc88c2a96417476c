using Microsoft.Extensions.AI;
using Sessions.Datasets;
using Sessions.Embeddings;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Sessions.Text;

namespace Sessions.Contributions;

/// <summary>One vector to store for a message of a contributed row, already in its stored form.</summary>
public sealed record MessageVector(int MessageIndex, string Model, int Dimension, byte[] Vector);

/// <summary>
/// The embeddings stored for accepted contributed rows, in the processor's layout (one row per message, keyed by the
/// example's session id and message index): a row's own cleaned vector is stored for its last message with the
/// model name <see cref="ContributionOptions.EmbeddingModel"/>; a row without one gets its user and assistant
/// messages embedded by the configured generator, in batches, as the processor embeds a session. Vectors are made
/// before the rows are known to be accepted (off the database, while an earlier batch is written); records after.
/// </summary>
public sealed class ContributedEmbeddings(
    IEmbeddingGenerator<string, Embedding<float>> embedder, EmbeddingOptions embeddingOptions, ITokenCounter tokens, ContributionOptions options)
{
    /// <summary>Per example, its vectors in message order; a generated vector that fails the checks is left out.</summary>
    public async Task<IReadOnlyList<MessageVector>[]> VectorsAsync(IReadOnlyList<ContributedExample> examples, CancellationToken ct)
    {
        var vectors = new IReadOnlyList<MessageVector>[examples.Count];
        var toEmbed = new List<(int Example, int Index, string Text, int Tokens)>();
        for (var e = 0; e < examples.Count; e++)
        {
            var example = examples[e];
            if (example.Row.Embedding is { } own)
            {
                vectors[e] = [new MessageVector(example.Messages.Count - 1, options.EmbeddingModel, own.Length, StoredVector.ToBytes(own))];
                continue;
            }

            vectors[e] = [];
            if (!options.EmbedDuringImport) continue; // committed with EmbeddingsPending; the backfill embeds it
            for (var i = 0; i < example.Messages.Count; i++)
            {
                if (example.Messages[i].Role is "user" or "assistant") toEmbed.Add((e, i, example.Messages[i].Content, example.MessageTokens[i]));
            }
        }

        // Batches are embedded concurrently (the built-in generator is CPU work; an endpoint serves requests in parallel).
        var batches = toEmbed.Chunk(embeddingOptions.BatchSize).ToArray();
        var results = new List<(int Example, MessageVector Vector)>[batches.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, batches.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (b, token) => results[b] = await EmbedAsync(batches[b], token));
        var generated = new List<MessageVector>?[examples.Count];
        foreach (var (example, vector) in results.SelectMany(r => r)) (generated[example] ??= []).Add(vector);
        for (var e = 0; e < examples.Count; e++)
        {
            if (generated[e] is { } list) vectors[e] = list;
        }

        return vectors;
    }

    /// <summary>
    /// For the backfill: the vectors of each example's user and assistant messages, as the import would have made them
    /// (batched, concurrent, over-long messages truncated to the embedder's budget); a vector failing the checks is left out.
    /// </summary>
    public async Task<IReadOnlyList<MessageVector>[]> VectorsAsync(IReadOnlyList<IReadOnlyList<ContributedMessage>> examples, CancellationToken ct)
    {
        var toEmbed = new List<(int Example, int Index, string Text, int Tokens)>();
        for (var e = 0; e < examples.Count; e++)
        {
            for (var i = 0; i < examples[e].Count; i++)
            {
                var message = examples[e][i];
                if (message.Role is "user" or "assistant") toEmbed.Add((e, i, message.Content, tokens.Count(message.Content)));
            }
        }

        var batches = toEmbed.Chunk(embeddingOptions.BatchSize).ToArray();
        var results = new List<(int Example, MessageVector Vector)>[batches.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, batches.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (b, token) => results[b] = await EmbedAsync(batches[b], token));
        var vectors = new List<MessageVector>[examples.Count];
        for (var e = 0; e < examples.Count; e++) vectors[e] = [];
        foreach (var (example, vector) in results.SelectMany(r => r)) vectors[example].Add(vector);
        return vectors;
    }

    /// <summary>The records of accepted rows' vectors, in row order (their ids are never read back, so any order would do).</summary>
    public static List<EmbeddingRecord> Records(IReadOnlyList<(string SessionId, IReadOnlyList<MessageVector> Vectors)> accepted) =>
        accepted.SelectMany(a => a.Vectors.Select(v => new EmbeddingRecord
        {
            SessionId = a.SessionId, MessageIndex = v.MessageIndex, Model = v.Model, Dimension = v.Dimension, Vector = v.Vector,
        })).ToList();

    private async Task<List<(int Example, MessageVector Vector)>> EmbedAsync((int Example, int Index, string Text, int Tokens)[] batch, CancellationToken ct)
    {
        // The builder counted every message already (with the same counter): only one over the budget is scanned again.
        var texts = batch.Select(t => t.Tokens <= embeddingOptions.MaxTokens ? t.Text : tokens.Truncate(t.Text, embeddingOptions.MaxTokens));
        var generated = await embedder.GenerateAsync(texts, cancellationToken: ct);
        var vectors = new List<(int, MessageVector)>(batch.Length);
        for (var j = 0; j < batch.Length; j++)
        {
            var vector = generated[j].Vector.Span;
            if (EmbeddingVector.Problem(vector, embeddingOptions.Dimensions) is null)
            {
                vectors.Add((batch[j].Example, new MessageVector(batch[j].Index, embeddingOptions.Model, vector.Length, StoredVector.ToBytes(vector))));
            }
        }

        return vectors;
    }
}
