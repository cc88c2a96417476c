using Sessions.Text.Tokenization;
using Sessions.Validator.Quality;

namespace Sessions.UnitTests.Quality;

internal static class QualityTestInputs
{
    public static QualityInput Of(string text, float[]? embedding = null) =>
        new(text, TiktokenTokenCounter.For(null).Count(text), embedding);

    /// <summary>
    /// A sentence of twelve seeded pseudo-words from a vocabulary of 500, so that a corpus learned from such sentences
    /// does not make the probe texts' words common (which would trip the TF-IDF rule instead of the one under test).
    /// </summary>
    public static string Varied(Random random) =>
        string.Join(' ', Enumerable.Range(0, 12).Select(_ => $"term{random.Next(500)}"));

    /// <summary>A unit-length embedding pointing mostly along <paramref name="axis"/>, with seeded noise.</summary>
    public static float[] Embedding(Random random, int axis, double noise = 0.1, int dimension = 384)
    {
        var vector = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            vector[i] = (float)(random.NextDouble() * noise);
        }

        vector[axis] += 1;
        return vector;
    }
}
