using System.Numerics.Tensors;
using Sessions.Embeddings;
using Sessions.Storage;

namespace Sessions.UnitTests;

public class EmbeddingAndTokenTests
{
    private readonly LexicalHashingEmbeddingGenerator _embedder = new();

    [Fact]
    public async Task The_lexical_embedder_is_deterministic_normalized_and_384_wide()
    {
        var first = await _embedder.GenerateAsync(["How do I reset my password?", "How do I reset my password?", "🙂🙂"]);
        var again = _embedder.Embed("How do I reset my password?");

        Assert.Equal(384, first[0].Vector.Length);
        Assert.Equal(first[0].Vector.ToArray(), again);
        Assert.Equal(1f, TensorPrimitives.Norm(again), 3);
        Assert.Null(EmbeddingVector.Problem(first[2].Vector.Span, 384));
    }

    [Fact]
    public void Shared_words_are_closer_than_unrelated_text()
    {
        var a = _embedder.Embed("reset my account password please");
        var b = _embedder.Embed("please reset the password of my account");
        var c = _embedder.Embed("tomato seedlings need full sun");

        Assert.True(TensorPrimitives.CosineSimilarity(a, b) > TensorPrimitives.CosineSimilarity(a, c) + 0.3f);
    }

    [Fact]
    public void Bad_vectors_are_named()
    {
        Assert.Equal("zero vector", EmbeddingVector.Problem(new float[384], 384));
        Assert.Equal("contains NaN or infinity", EmbeddingVector.Problem(Enumerable.Repeat(float.NaN, 384).ToArray(), 384));
        Assert.Contains("dimension", EmbeddingVector.Problem(new float[10], 384));
        var v = _embedder.Embed("round trip");
        Assert.Equal(v, StoredVector.FromBytes(StoredVector.ToBytes(v)));
    }
}
