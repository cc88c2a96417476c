using System.Numerics.Tensors;
using System.Text;
using Microsoft.Extensions.AI;

namespace Sessions.Embeddings;

/// <summary>
/// A LEXICAL embedder, not a neural one: words and character trigrams are hashed (FNV-1a, signed) into a
/// fixed number of dimensions and the vector is L2-normalized. Local, deterministic, no download; texts that
/// share words land close together, paraphrases with different words do not.
/// </summary>
public sealed class LexicalHashingEmbeddingGenerator(int dimensions = 384, string modelId = EmbeddingOptions.LexicalHashingEmbeddingGeneratorName)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    private const float TrigramWeight = 0.5f;
    private readonly EmbeddingGeneratorMetadata _metadata = new("lexical-hashing", null, modelId, dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value)) { ModelId = modelId, CreatedAt = DateTimeOffset.UtcNow });
        }

        return Task.FromResult(result);
    }

    public float[] Embed(string text)
    {
        var vector = new float[dimensions];
        foreach (var word in Words(text))
        {
            Add(vector, word, 1f);
            var padded = "#" + word + "#";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                Add(vector, padded.Substring(i, 3), TrigramWeight);
            }
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private void Add(float[] vector, string feature, float weight)
    {
        var hash = Fnv1a(feature);
        var index = (int)(hash % (ulong)dimensions);
        vector[index] += (hash >> 63) == 0 ? weight : -weight;
    }

    /// <summary>Letter-or-digit runs, lower-cased; a text without any (only emoji, say) counts its symbols as words.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words.Count > 0 ? words : text.Where(c => !char.IsWhiteSpace(c)).Select(c => c.ToString());
    }

    private static ulong Fnv1a(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
