using Sessions.Validator.Augmentation;

namespace Sessions.UnitTests.Augmentation;

public class EdaAugmenterTests
{
    private static readonly EdaParameters Strong = new(0.1, 16);
    // The turn's stop words that WordNet has synonyms for ("can" → "tin", "I" → "iodine", "up" → "astir", "after" → "later").
    private static readonly string[] StopWords = ["i", "can", "up", "after"];
    private readonly EdaAugmenter _augmenter = new(new AugmentationOptions());

    [Fact]
    public void The_same_example_always_gets_the_same_copies()
    {
        var first = _augmenter.Augment(7, UserTurns.Billing, Strong);
        var again = new EdaAugmenter(new AugmentationOptions()).Augment(7, UserTurns.Billing, Strong);
        var otherExample = _augmenter.Augment(8, UserTurns.Billing, Strong);
        var otherSeed = new EdaAugmenter(new AugmentationOptions { Seed = 43 }).Augment(7, UserTurns.Billing, Strong);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Select(c => c.Text), otherExample.Select(c => c.Text));
        Assert.NotEqual(first.Select(c => c.Text), otherSeed.Select(c => c.Text));
    }

    [Fact]
    public void Copies_differ_from_the_parent_and_from_each_other_and_name_their_parent()
    {
        var copies = _augmenter.Augment(7, UserTurns.Billing, Strong);

        Assert.Equal(16, copies.Count);
        Assert.DoesNotContain(copies, c => c.Text == UserTurns.Billing);
        Assert.Equal(copies.Count, copies.Select(c => c.Text).Distinct().Count());
        Assert.All(copies, c => Assert.Equal(7, c.ParentId));
        Assert.Equal(4, copies.Select(c => c.Operation).Distinct().Count());
        Assert.All(copies, c => Assert.EndsWith("?", c.Text));
        TestReports.Write("augmentation-examples", string.Join(Environment.NewLine, copies.Select(c => $"{c.Operation}: {c.Text}")));
    }

    [Fact]
    public void The_schedule_sets_how_many_copies_and_the_cap_bounds_them()
    {
        Assert.Equal(16, _augmenter.Augment(1, UserTurns.Billing, originalExamples: 500).Count);
        Assert.Equal(8, _augmenter.Augment(1, UserTurns.Billing, originalExamples: 2_000).Count);
        Assert.Equal(4, _augmenter.Augment(1, UserTurns.Billing, originalExamples: 50_000).Count);
        Assert.Equal(5, new EdaAugmenter(new AugmentationOptions { MaxCopiesPerExample = 5 }).Augment(1, UserTurns.Billing, Strong).Count);
        Assert.Empty(new EdaAugmenter(new AugmentationOptions { Enabled = false }).Augment(1, UserTurns.Billing, Strong));
    }

    [Fact]
    public void A_swap_keeps_every_word()
    {
        var original = UserTurns.Words(UserTurns.Billing).Order(StringComparer.Ordinal);

        var swaps = Copies(AugmentationOperation.RandomSwap);

        Assert.All(swaps, c => Assert.Equal(original, UserTurns.Words(c.Text).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void A_deletion_drops_some_words_but_never_all_and_keeps_the_order_of_the_rest()
    {
        var original = UserTurns.Words(UserTurns.Billing);

        var deletions = Copies(AugmentationOperation.RandomDeletion);

        Assert.All(deletions, c =>
        {
            var words = UserTurns.Words(c.Text);
            Assert.InRange(words.Length, 1, original.Length - 1);
            Assert.True(IsSubsequence(words, original), c.Text);
        });
    }

    [Fact]
    public void An_insertion_adds_synonyms_of_words_in_the_turn()
    {
        var original = UserTurns.Words(UserTurns.Billing);
        var synonymsInTurn = original.SelectMany(w => SynonymLexicon.WordNet.SynonymsOf(w)).ToHashSet();

        var insertions = Copies(AugmentationOperation.RandomInsertion);

        Assert.All(insertions, c =>
        {
            var words = UserTurns.Words(c.Text);
            Assert.True(IsSubsequence(original, words), c.Text);
            var added = words.ToList();
            foreach (var word in original)
            {
                added.Remove(word);
            }

            Assert.Equal(3, added.Count);   // alpha 0.1 of 30 words
            Assert.All(added, w => Assert.Contains(w.ToLowerInvariant(), synonymsInTurn));
        });
    }

    [Fact]
    public void A_synonym_replacement_swaps_words_for_their_synonyms_in_place()
    {
        var original = UserTurns.Words(UserTurns.Billing);

        var replacements = Copies(AugmentationOperation.SynonymReplacement);

        Assert.All(replacements, c =>
        {
            var words = UserTurns.Words(c.Text);
            Assert.Equal(original.Length, words.Length);
            var changed = Enumerable.Range(0, words.Length).Where(i => words[i] != original[i]).ToList();
            Assert.NotEmpty(changed);
            Assert.All(changed, i => Assert.Contains(words[i].ToLowerInvariant(), SynonymLexicon.WordNet.SynonymsOf(original[i])));
            Assert.All(changed, i => Assert.Equal(char.IsUpper(original[i][0]), char.IsUpper(words[i][0])));
            Assert.DoesNotContain(changed, i => StopWords.Contains(original[i].ToLowerInvariant()));
        });
    }

    private List<AugmentedCopy> Copies(AugmentationOperation operation)
    {
        var copies = Enumerable.Range(1, 10).SelectMany(id => _augmenter.Augment(id, UserTurns.Billing, Strong))
            .Where(c => c.Operation == operation).ToList();
        Assert.NotEmpty(copies);
        return copies;
    }

    private static bool IsSubsequence(IReadOnlyList<string> shorter, IReadOnlyList<string> longer)
    {
        var next = 0;
        foreach (var word in longer)
        {
            if (next < shorter.Count && shorter[next] == word)
            {
                next++;
            }
        }

        return next == shorter.Count;
    }
}
