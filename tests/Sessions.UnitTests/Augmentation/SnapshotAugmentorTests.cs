using System.Text.Json;
using Sessions.Embeddings;
using Sessions.Text.Tokenization;
using Sessions.Validator.Augmentation;

namespace Sessions.UnitTests.Augmentation;

public class SnapshotAugmentorTests
{
    private sealed class ScriptedParaphraser(Func<string, string> answer) : IParaphraser
    {
        public Task<string> ParaphraseAsync(string userText, CancellationToken cancellationToken = default) => Task.FromResult(answer(userText));
    }

    private sealed class TimingOutParaphraser : IParaphraser
    {
        public Task<string> ParaphraseAsync(string userText, CancellationToken cancellationToken = default) =>
            throw new ParaphraseServiceException("the chat endpoint did not answer within 00:00:30");
    }

    private static readonly string[] Turns =
    [
        "How do I show the first part of a large file without opening it in an editor?",
        "Can you explain how to find which process is listening on a network port?",
        "What is the quickest way to search for a word in every file of a folder?",
        "How can I change the owner of a directory and everything inside it?",
        "Please send the invoice to <EMAIL> and charge the card <CREDIT_CARD> for version 2.10.3 today",
        "I want to run `ls -la /tmp` on Debian and see https://example.com/docs for the 12 options",
    ];

    private static SnapshotAugmentor Augmentor(AugmentationOptions? options = null, IParaphraser? paraphraser = null)
    {
        options ??= new AugmentationOptions();
        return new SnapshotAugmentor(new EdaAugmenter(SynonymLexicon.WordNet, options), SynonymLexicon.WordNet,
            EmbeddingGenerators.Create(new EmbeddingOptions { Provider = "lexical" }), TiktokenTokenCounter.For(null), options, paraphraser);
    }

    private static AugmentationParent Parent(long id, string user, string reply = "Use head with the number of lines you want, or less to page through it.") =>
        new(id, $"session-{id}", $"hash-{id}", JsonSerializer.Serialize(new[] { new { role = "user", content = user }, new { role = "assistant", content = reply } }), 40);

    private static List<AugmentationParent> Parents(params string[] users) => [.. users.Select((u, i) => Parent(i + 1, u))];

    [Fact]
    public async Task The_same_snapshot_and_seed_give_the_same_copies_whatever_order_the_parents_come_in()
    {
        var parents = Parents(Turns);
        var options = new AugmentationOptions { MinFluency = 0 };
        var first = await Augmentor(options).AugmentAsync(parents, 42, CancellationToken.None);
        var second = await Augmentor(options).AugmentAsync(Enumerable.Reverse(parents).ToList(), 42, CancellationToken.None);

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        Assert.Contains(first, c => c.Accepted);
    }

    [Fact]
    public async Task Placeholders_code_links_and_numbers_are_never_edited_and_replies_never_rewritten()
    {
        var options = new AugmentationOptions { CopiesPerExample = 16, MinParentCosine = 0, MinFluency = 0 };
        var copies = await Augmentor(options).AugmentAsync(Parents(Turns[4], Turns[5]), 42, CancellationToken.None);

        var made = copies.Where(c => c.Ordinal > 0 && c.Reason != CopyReasons.ProtectedSpanChanged).ToList();
        Assert.NotEmpty(made);
        Assert.DoesNotContain(copies, c => c.Reason == CopyReasons.ProtectedSpanChanged);
        foreach (var copy in made)
        {
            var parent = copy.ParentId == 1 ? Turns[4] : Turns[5];
            Assert.Equal(ProtectedSpans.Of(parent), ProtectedSpans.Of(copy.Text));
        }

        Assert.All(copies.Where(c => c.Accepted), c => Assert.Contains("Use head with the number of lines", c.MessagesJson));
    }

    [Theory]
    [InlineData("Thanks", CopyReasons.ParentTooShort)]
    [InlineData("<EMAIL> <PHONE_NUMBER>, <CREDIT_CARD>!", CopyReasons.ParentAllPlaceholders)]
    [InlineData("Wie kann ich die ersten Zeilen einer großen Datei anzeigen, ohne sie zu öffnen?", CopyReasons.ParentLanguageNotCovered)]
    [InlineData("如何在不打开编辑器的情况下显示大文件的前几行内容呢", CopyReasons.ParentTooShort)]
    [InlineData("如何 在 不 打开 编辑器 的 情况 下 显示 大文件 的 前几行", CopyReasons.ParentLanguageNotCovered)]
    public async Task A_parent_the_methods_cannot_serve_gets_no_copy_and_a_counted_reason(string user, string reason)
    {
        var outcomes = await Augmentor().AugmentAsync([Parent(1, user)], 42, CancellationToken.None);

        var only = Assert.Single(outcomes);
        Assert.Equal((0, CopyMethods.None, reason), (only.Ordinal, only.Method, only.Reason));
    }

    [Fact]
    public async Task A_paraphrase_endpoint_that_times_out_or_answers_empty_or_in_another_language_costs_only_that_copy()
    {
        var parents = Parents(Turns[0]);
        var cases = new (IParaphraser Paraphraser, string Reason)[]
        {
            (new TimingOutParaphraser(), CopyReasons.ParaphraseFailed),
            (new ScriptedParaphraser(_ => "   "), CopyReasons.ParaphraseEmpty),
            (new ScriptedParaphraser(_ => "Wie zeige ich den ersten Teil einer großen Datei, ohne sie in einem Editor zu öffnen?"), CopyReasons.ParaphraseOtherLanguage),
            (new ScriptedParaphraser(u => u), CopyReasons.ParaphraseUnchanged),
        };
        foreach (var (paraphraser, reason) in cases)
        {
            var outcomes = await Augmentor(paraphraser: paraphraser).AugmentAsync(parents, 42, CancellationToken.None);

            var paraphrase = Assert.Single(outcomes, o => o.Method == "paraphrase");
            Assert.Equal(reason, paraphrase.Reason);
            Assert.Contains(outcomes, o => o.Method != "paraphrase"); // the EDA copies are still tried
        }
    }

    [Fact]
    public async Task Kept_copies_meet_the_cosine_and_fluency_thresholds_and_refused_ones_say_why()
    {
        var options = new AugmentationOptions { CopiesPerExample = 8 };
        var outcomes = await Augmentor(options).AugmentAsync(Parents(Turns), 42, CancellationToken.None);

        Assert.All(outcomes.Where(o => o.Accepted), o =>
        {
            Assert.True(o.ParentCosine >= options.MinParentCosine, $"{o.ParentCosine}");
            Assert.True(o.Fluency >= options.MinFluency, $"{o.Fluency}");
            Assert.NotNull(o.Vector);
        });
        Assert.All(outcomes.Where(o => !o.Accepted), o => Assert.False(string.IsNullOrEmpty(o.Reason)));
    }

    [Theory]
    [InlineData("How do I show the part?", "How do I show the part of?", 0)]
    [InlineData("How do I show the part?", "How do I show the the part?", 0)]
    [InlineData("How do I show the part?", "How do I show the part?", 1)]
    public void Fluency_refuses_dangling_function_words_and_stutters(string parent, string copy, double expected)
    {
        var fluency = new CopyFluency();
        fluency.Learn(parent);

        Assert.Equal(expected, fluency.Score(parent, copy));
    }
}
