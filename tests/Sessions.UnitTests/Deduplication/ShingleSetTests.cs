using Sessions.Deduplication;

namespace Sessions.UnitTests.Deduplication;

public class ShingleSetTests
{
    [Fact]
    public void Shingles_are_three_word_windows_that_ignore_case_punctuation_and_spacing()
    {
        var shingles = ShingleSet.FromText("The cat sat on the mat.", 3);
        var same = ShingleSet.FromText("the  CAT, sat -- on the MAT", 3);

        Assert.Equal(6, shingles.WordCount);
        Assert.Equal(4, shingles.Count);
        Assert.Equal(1.0, shingles.Jaccard(same));
    }

    [Fact]
    public void Texts_shorter_than_a_shingle_are_one_shingle_of_all_their_words()
    {
        var shortText = ShingleSet.FromText("Thanks a lot", 5);

        Assert.Equal(1, shortText.Count);
        Assert.Equal(1.0, shortText.Jaccard(ShingleSet.FromText("thanks, a lot!", 5)));
        Assert.Equal(0.0, shortText.Jaccard(ShingleSet.FromText("thanks a lot again", 5)));
    }

    [Fact]
    public void Scripts_without_spaces_give_one_word_per_character_and_other_scripts_split_at_spaces()
    {
        Assert.Equal(9, ShingleSet.FromText("東京都に住んでいる", 3).WordCount);
        Assert.Equal(3, ShingleSet.FromText("Привет, как дела?", 3).WordCount);
        Assert.Equal(2, ShingleSet.FromText("नमस्ते दुनिया", 3).WordCount);
        Assert.Equal(0, ShingleSet.FromText("😀 🎉 ✨", 3).WordCount);
    }

    [Fact]
    public void Jaccard_matches_a_plain_count_over_word_trigram_strings()
    {
        foreach (var pair in LabeledPairs.Build(60, 3, seed: 5))
        {
            var first = Trigrams(pair.First);
            var second = Trigrams(pair.Second);
            var expected = (double)first.Intersect(second).Count() / first.Union(second).Count();

            Assert.Equal(expected, pair.Jaccard, 12);
        }
    }

    [Fact]
    public void Empty_sets_have_similarity_zero()
    {
        var empty = ShingleSet.FromText("...", 3);

        Assert.True(empty.IsEmpty);
        Assert.Equal(0.0, empty.Jaccard(empty));
        Assert.Throws<ArgumentException>(() => new MinHasher(128, 42).Compute(empty));
    }

    private static HashSet<string> Trigrams(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries);
        return words.Length < 3 ? [string.Join(' ', words)] : [.. Enumerable.Range(0, words.Length - 2).Select(i => string.Join(' ', words[i..(i + 3)]))];
    }
}
