using System.Diagnostics.Metrics;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Sessions.Embeddings.MiniLm;

/// <summary>
/// all-MiniLM-L6-v2 embeddings, in process, offline. A text longer than the model's window (256 word pieces) is cut into
/// windows that are embedded separately and averaged, weighted by their piece counts, then normalised: an approximation
/// of mean pooling over the whole text. Pieces beyond <see cref="EmbeddingOptions.MaxTokens"/> are dropped and counted
/// (<c>sessions.embeddings.truncated_texts</c>). Windows of a call are sorted by length and run in batches of
/// <see cref="EmbeddingOptions.BatchSize"/>, so that short texts are not padded to a long one's length.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private static readonly Meter Meter = new("Sessions.Embeddings");
    private static readonly Counter<long> Truncated = Meter.CreateCounter<long>("sessions.embeddings.truncated_texts", description: "texts longer than Embeddings:MaxTokens word pieces, embedded from their beginning");
    private static readonly Counter<long> Windows = Meter.CreateCounter<long>("sessions.embeddings.windows", description: "model windows run");
    private readonly MiniLmModel _model;
    private readonly int _batchSize;
    private readonly int _maxPieces;
    private readonly EmbeddingGeneratorMetadata _metadata = new("sentence-transformers", null, MiniLmModel.Name, MiniLmModel.Dimensions);

    public MiniLmEmbeddingGenerator(EmbeddingOptions options)
        : this(MiniLmModel.Shared(options.Threads), options.BatchSize, options.MaxTokens)
    {
    }

    public MiniLmEmbeddingGenerator(MiniLmModel model, int batchSize = 32, int maxPieces = 512)
    {
        _model = model;
        _batchSize = Math.Max(1, batchSize);
        _maxPieces = maxPieces;
    }

    /// <summary>Texts that lost word pieces beyond the budget in this generator's lifetime.</summary>
    public long TruncatedTexts => Interlocked.Read(ref _truncatedTexts);

    private long _truncatedTexts;

    /// <summary>The text's word pieces in the model's own tokenizer ([CLS] and [SEP] not counted).</summary>
    public int CountPieces(string text) => _model.Pieces(text).Length;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var windows = new List<(int Text, ArraySegment<int> Pieces)>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var pieces = _model.Pieces(texts[i] ?? string.Empty);
            var split = TokenWindows.Split(pieces, MiniLmModel.WindowLength, _maxPieces);
            if (split.Sum(w => w.Count) < pieces.Length)
            {
                Interlocked.Increment(ref _truncatedTexts);
                Truncated.Add(1);
            }

            windows.AddRange(split.Select(w => (i, w)));
        }

        var sums = new float[texts.Count][];
        foreach (var batch in windows.OrderBy(w => w.Pieces.Count).Chunk(_batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pooled = _model.EncodeWindows(batch.Select(w => w.Pieces).ToList());
            Windows.Add(batch.Length);
            for (var j = 0; j < batch.Length; j++)
            {
                var sum = sums[batch[j].Text] ??= new float[MiniLmModel.Dimensions];
                // Weighted by the window's tokens, [CLS] and [SEP] included: one window gives exactly sentence-transformers' vector.
                TensorPrimitives.MultiplyAdd(pooled[j], batch[j].Pieces.Count + 2, sum, sum);
            }
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        var now = DateTimeOffset.UtcNow;
        foreach (var vector in sums)
        {
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
            result.Add(new Embedding<float>(vector) { ModelId = MiniLmModel.Name, CreatedAt = now });
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>The shared model stays loaded for the process's other consumers.</summary>
    public void Dispose()
    {
    }
}
