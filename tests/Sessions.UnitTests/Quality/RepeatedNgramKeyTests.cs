using System.Text;
using Sessions.Validator.Quality;

namespace Sessions.UnitTests.Quality;

/// <summary>N-grams keyed by word numbers must find exactly the repeats that n-grams keyed by their joined words find.</summary>
public class RepeatedNgramKeyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Numbered_ngrams_give_the_fractions_of_joined_ngrams(int seed)
    {
        var random = new Random(seed);
        string[] vocabulary = ["a", "b", "ab", "ba", "lol", "don't", "é", "x1", "привет", "你"];
        for (var text = 0; text < 200; text++)
        {
            var words = Enumerable.Range(0, random.Next(0, 40)).Select(_ => vocabulary[random.Next(random.Next(1, vocabulary.Length + 1))]).ToList();
            for (var n = 0; n <= 6; n++)
            {
                Assert.Equal(Joined(words, n), RepetitionSignals.RepeatedNgramFraction(words, n));
            }

            Assert.Equal([Joined(words, 2), Joined(words, 3), Joined(words, 4)], RepetitionSignals.RepeatedNgramFractions(words));
        }
    }

    [Fact]
    public void Words_that_only_concatenate_alike_are_different_ngrams()
    {
        // "ab"+"c" and "a"+"bc" join to the same letters; as numbers they never meet.
        Assert.Equal(0, RepetitionSignals.RepeatedNgramFraction(["ab", "c", "a", "bc"], 2));
    }

    [Fact]
    public void Equal_words_get_equal_numbers_in_order_of_first_appearance()
    {
        Assert.Equal([0, 1, 0, 2, 1], RepetitionSignals.WordIds(["to", "be", "to", "or", "be"]));
    }

    // The joined-string form every n-gram length used before the numbered one.
    private static double Joined(IReadOnlyList<string> words, int n)
    {
        if (words.Count <= n)
        {
            return 0;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var covered = new bool[words.Count];
        var key = new StringBuilder();
        for (var i = 0; i + n <= words.Count; i++)
        {
            key.Clear();
            for (var j = i; j < i + n; j++)
            {
                key.Append(words[j]).Append('\u001f');
            }

            if (!seen.Add(key.ToString()))
            {
                covered.AsSpan(i, n).Fill(true);
            }
        }

        long total = 0, repeated = 0;
        for (var i = 0; i < words.Count; i++)
        {
            total += words[i].Length;
            repeated += covered[i] ? words[i].Length : 0;
        }

        return total == 0 ? 0 : (double)repeated / total;
    }
}
