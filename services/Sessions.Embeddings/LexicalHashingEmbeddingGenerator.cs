using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
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

    // Optimized from the first call (the helpers below inline into it): a bulk import embeds its first thousands of
    // texts while the runtime is still busy compiling everything else, so unoptimized code ran for a large share of them.
    // Floating-point additions keep their order in either code, so the vectors are the same.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float[] Embed(string text)
    {
        var vector = new float[dimensions];
        var word = new char[Math.Min(text.Length, 256) + 2];
        var length = 0;
        var words = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (length + 2 >= word.Length) Array.Resize(ref word, word.Length * 2);
                word[++length] = char.ToLowerInvariant(c); // word[0] stays free for the leading '#'
            }
            else if (length > 0)
            {
                AddWord(vector, word, length);
                words++;
                length = 0;
            }
        }

        if (length > 0)
        {
            AddWord(vector, word, length);
            words++;
        }

        // A text without any letter or digit (only emoji, say) counts its symbols as words.
        if (words == 0)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c)) continue;
                word[1] = c;
                AddWord(vector, word, 1);
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

    /// <summary>The word (in <paramref name="buffer"/>[1..length]) and the character trigrams of <c>#word#</c>, in that order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddWord(float[] vector, char[] buffer, int length)
    {
        Add(vector, buffer.AsSpan(1, length), 1f);
        buffer[0] = '#';
        buffer[length + 1] = '#';
        for (var i = 0; i + 3 <= length + 2; i++)
        {
            Add(vector, buffer.AsSpan(i, 3), TrigramWeight);
        }
    }

    private void Add(float[] vector, ReadOnlySpan<char> feature, float weight)
    {
        var hash = Fnv1a(feature);
        var index = (int)(hash % (ulong)dimensions);
        vector[index] += (hash >> 63) == 0 ? weight : -weight;
    }

    private static ulong Fnv1a(ReadOnlySpan<char> value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
