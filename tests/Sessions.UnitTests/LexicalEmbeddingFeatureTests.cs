using System.Numerics.Tensors;
using System.Text;
using Sessions.Embeddings;

namespace Sessions.UnitTests;

/// <summary>
/// The lexical embedder's vectors are stored, so its features are fixed: each lower-cased letter-or-digit run with
/// weight 1 and the character trigrams of <c>#word#</c> with weight 0.5, FNV-1a hashed and signed, added in text order
/// (a text with no such run counts its other non-space characters as words), then L2-normalized. The reference below
/// is that definition written plainly; the embedder must give the very same floats.
/// </summary>
public class LexicalEmbeddingFeatureTests
{
    [Theory]
    [InlineData("How do I reset my password? Ticket 4711: the INVOICE storage volume")]
    [InlineData("Ça coûte 12,50 € — naïve café déjà-vu; ΑΒΓ straße")]
    [InlineData("🙂🙂 !!")]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword and more")]
    public void The_vector_is_the_sum_of_hashed_word_and_trigram_features(string text)
    {
        Assert.Equal(Reference(text, 384), new LexicalHashingEmbeddingGenerator().Embed(text));
    }

    [Fact]
    public void A_word_longer_than_its_first_buffer_keeps_all_its_features()
    {
        var text = string.Concat(Enumerable.Range(0, 700).Select(i => (char)('a' + (i % 26)))) + " end";
        Assert.Equal(Reference(text, 384), new LexicalHashingEmbeddingGenerator().Embed(text));
    }

    private static float[] Reference(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in Words(text))
        {
            Add(vector, word, 1f);
            var padded = "#" + word + "#";
            for (var i = 0; i + 3 <= padded.Length; i++) Add(vector, padded.Substring(i, 3), 0.5f);
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0) words.Add(current.ToString());
        return words.Count > 0 ? words : text.Where(c => !char.IsWhiteSpace(c)).Select(c => c.ToString()).ToList();
    }

    private static void Add(float[] vector, string feature, float weight)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in feature) hash = (hash ^ c) * 1099511628211UL;
        vector[(int)(hash % (ulong)vector.Length)] += (hash >> 63) == 0 ? weight : -weight;
    }
}
