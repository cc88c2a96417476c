using System.Text;
using Sessions.Deduplication;

namespace Sessions.UnitTests.Deduplication;

/// <summary>Two texts and the exact Jaccard similarity of their word-shingle sets.</summary>
public sealed record LabeledPair(int Id, string First, string Second, double Jaccard)
{
    public bool IsDuplicate(double threshold) => Jaccard >= threshold;
}

/// <summary>
/// Builds pairs deterministically: a random text from a 4,000-word pseudo-vocabulary, then a copy edited (replaced,
/// inserted and deleted words) until the exact shingle Jaccard falls to a drawn target. Most targets sit between 0.6
/// and 0.95, around the 0.8 threshold; case and punctuation are varied too, which must not change the similarity.
/// </summary>
public static class LabeledPairs
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "ve", "da", "zu", "ri", "an", "el", "or", "qu", "bra", "sto", "fen", "gil"];

    public static IReadOnlyList<LabeledPair> Build(int count, int shingleSize, int seed = 42)
    {
        var random = new Random(seed);
        var vocabulary = Vocabulary(random, 4000);
        var pairs = new List<LabeledPair>(count);
        for (var id = 0; id < count; id++)
        {
            var target = DrawTarget(random, id, count);
            var length = random.Next(4) switch { 0 => random.Next(12, 40), 3 => random.Next(150, 400), _ => random.Next(40, 150) };
            var first = Enumerable.Range(0, length).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList();
            var second = new List<string>(first);
            var firstShingles = ShingleSet.FromText(Render(first, random), shingleSize);
            var jaccard = 1.0;
            while (jaccard > target)
            {
                // Larger steps far from the target, single edits close to it.
                var edits = Math.Max(1, (int)((jaccard - target) * second.Count / 8));
                for (var e = 0; e < edits; e++)
                {
                    Edit(second, vocabulary, random, shingleSize);
                }

                jaccard = firstShingles.Jaccard(ShingleSet.FromText(Render(second, random), shingleSize));
            }

            pairs.Add(new LabeledPair(id, Render(first, random), Render(second, random), jaccard));
        }

        return pairs;
    }

    public static string[] Vocabulary(Random random, int size)
    {
        var words = new HashSet<string>();
        while (words.Count < size)
        {
            var builder = new StringBuilder();
            for (var s = random.Next(2, 5); s > 0; s--)
            {
                builder.Append(Syllables[random.Next(Syllables.Length)]);
            }

            words.Add(builder.ToString());
        }

        return [.. words];
    }

    /// <summary>Words as prose: sentence case, commas and full stops at random, sometimes shouting.</summary>
    public static string Render(IReadOnlyList<string> words, Random random)
    {
        var builder = new StringBuilder();
        var sentenceStart = true;
        var shout = random.Next(10) == 0;
        foreach (var word in words)
        {
            builder.Append(shout ? word.ToUpperInvariant() : sentenceStart ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            var next = random.Next(14);
            builder.Append(next == 0 ? ". " : next == 1 ? ", " : " ");
            sentenceStart = next == 0;
        }

        return builder.ToString().TrimEnd() + ".";
    }

    private static double DrawTarget(Random random, int id, int count) => (id * 20 / count) switch
    {
        < 3 => random.NextDouble() * 0.6,
        < 17 => 0.6 + random.NextDouble() * 0.35,
        < 19 => 0.95 + random.NextDouble() * 0.05,
        _ => 1.0, // only case and punctuation differ
    };

    private static void Edit(List<string> words, string[] vocabulary, Random random, int shingleSize)
    {
        var word = vocabulary[random.Next(vocabulary.Length)];
        switch (random.Next(5))
        {
            case 0:
                words.Insert(random.Next(words.Count + 1), word);
                break;
            case 1 when words.Count > shingleSize + 1:
                words.RemoveAt(random.Next(words.Count));
                break;
            default:
                words[random.Next(words.Count)] = word;
                break;
        }
    }
}
