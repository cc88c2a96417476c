using Sessions.Validator.Augmentation;

namespace Sessions.UnitTests.Augmentation;

public class EdaAugmenterEdgeCaseTests
{
    private static readonly EdaParameters Parameters = new(0.05, 16);
    private readonly EdaAugmenter _augmenter = new(new AugmentationOptions());

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("😀🎉👍")]
    [InlineData("?!... --- ***")]
    [InlineData("¯\\_(ツ)_/¯")]
    public void Text_without_words_gets_no_copies(string text)
    {
        var copies = _augmenter.Augment(1, text, Parameters);

        // "ツ" is a letter: the shrug has one word and no synonyms, so nothing can change either.
        Assert.Empty(copies);
    }

    [Fact]
    public void A_single_word_is_never_deleted_nor_swapped_only_replaced_or_joined_by_synonyms()
    {
        var copies = _augmenter.Augment(1, "Hello!", Parameters);

        Assert.NotEmpty(copies);
        Assert.All(copies, c => Assert.Contains(c.Operation, new[] { AugmentationOperation.SynonymReplacement, AugmentationOperation.RandomInsertion }));
        Assert.All(copies, c => Assert.NotEmpty(UserTurns.Words(c.Text)));
        Assert.All(copies, c => Assert.EndsWith("!", c.Text));
        Assert.Empty(_augmenter.Augment(1, "Xyzzyq", Parameters));
    }

    [Fact]
    public void Right_to_left_text_is_swapped_and_shortened_without_synonyms()
    {
        const string hebrew = "שלום, אני צריך עזרה עם החשבון החודשי שלי בבקשה.";

        var copies = _augmenter.Augment(1, hebrew, Parameters);

        Assert.NotEmpty(copies);
        Assert.All(copies, c => Assert.Contains(c.Operation, new[] { AugmentationOperation.RandomSwap, AugmentationOperation.RandomDeletion }));
        Assert.All(copies, c => Assert.Subset(UserTurns.Words(hebrew).ToHashSet(), UserTurns.Words(c.Text).ToHashSet()));
    }

    [Fact]
    public void Emoji_and_line_breaks_between_words_survive()
    {
        const string text = "Thanks 🙏 for the quick answer!\n\nOne more question about the invoice.";

        var copies = _augmenter.Augment(1, text, Parameters);

        Assert.NotEmpty(copies);
        Assert.All(copies, c => Assert.Contains("🙏", c.Text));
        Assert.All(copies, c => Assert.Contains("\n", c.Text));
    }

    [Fact]
    public void Code_links_and_addresses_are_left_exactly_as_written()
    {
        const string text = "Hello, please run `npm install left-pad` and then open https://example.com/docs/setup or write to help@example.com today.\n" +
            "```\nvar total = invoice.Lines.Sum(line => line.Cost);\n```\nWhy does the total stay wrong?";

        var copies = _augmenter.Augment(1, text, new EdaParameters(0.2, 16));

        TestReports.Write("augmentation-code-examples", string.Join(Environment.NewLine + "---" + Environment.NewLine, copies.Select(c => $"{c.Operation}: {c.Text}")));
        Assert.Equal(16, copies.Count);
        Assert.All(copies, c => Assert.Contains("`npm install left-pad`", c.Text));
        Assert.All(copies, c => Assert.Contains("https://example.com/docs/setup", c.Text));
        Assert.All(copies, c => Assert.Contains("help@example.com", c.Text));
        Assert.All(copies, c => Assert.Contains("```\nvar total = invoice.Lines.Sum(line => line.Cost);\n```", c.Text));
        Assert.Empty(_augmenter.Augment(1, "```\nconsole.log('hello world');\n```", Parameters));
    }

    [Fact]
    public void A_100k_character_turn_is_augmented_without_trouble()
    {
        var text = string.Concat(Enumerable.Repeat(UserTurns.Billing + "\n", 100_000 / UserTurns.Billing.Length + 1));

        var copies = _augmenter.Augment(1, text, Parameters);

        Assert.True(text.Length >= 100_000);
        Assert.Equal(16, copies.Count);
        Assert.All(copies, c => Assert.InRange(c.Text.Length, text.Length * 0.8, text.Length * 1.2));
    }
}
