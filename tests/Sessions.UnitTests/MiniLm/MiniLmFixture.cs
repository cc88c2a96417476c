using Sessions.Embeddings.MiniLm;

namespace Sessions.UnitTests.MiniLm;

/// <summary>The process's shared model and one generator over it (the model loads once, about a second).</summary>
public sealed class MiniLmFixture
{
    public MiniLmEmbeddingGenerator Generator { get; } = new(MiniLmModel.Shared(), batchSize: 32, maxPieces: 512);

    public async Task<float[][]> EmbedAsync(params string[] texts) =>
        (await Generator.GenerateAsync(texts)).Select(e => e.Vector.ToArray()).ToArray();
}
