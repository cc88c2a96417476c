using System.Text.Json;
using Sessions.Embeddings;
using Sessions.Storage.Entities;
using Sessions.Text;
using Sessions.Text.Tokenization;
using Sessions.Validator.Augmentation;
using Sessions.Validator.Validation;

namespace Sessions.UnitTests.Augmentation;

public class ExampleAugmentationTests
{
    private const string History = """
        [{"role":"system","content":"You are  helpful."},{"role":"user","content":"How do I reset my PASSWORD on the portal?"},
         {"role":"assistant","content":"Open settings."},{"role":"user","content":"Where exactly do I find the settings page for my account profile today?"},
         {"role":"assistant","content":"Top right, under your name."}]
        """;

    [Fact]
    public async Task Each_copy_rewrites_only_the_last_user_turn_and_is_hashed_like_any_example()
    {
        var options = new AugmentationOptions();
        var augmentation = new ExampleAugmentation(new EdaAugmenter(SynonymLexicon.WordNet, options), new ParentDistanceFilter(options),
            EmbeddingGenerators.Create(new EmbeddingOptions { Provider = EmbeddingOptions.Lexical }), WordPieceTokenizer.BertBaseUncased, options);
        var parent = new ExampleRecord { Id = 7, SessionId = "s", ModelName = "default", MessagesJson = History, TokenCount = 60, LastMessageIndex = 4 };
        var text = ExampleText.LastExchange(History);

        var copies = await augmentation.CopiesAsync([(parent, new ExampleCandidate(7, "h", 60, text))], corpusSize: 0, DateTime.UnixEpoch, CancellationToken.None);

        Assert.NotEmpty(copies);
        var original = Messages(History);
        foreach (var copy in copies)
        {
            var messages = Messages(copy.Record.MessagesJson);
            Assert.Equal(original.Length, messages.Length);
            Assert.Equal(original.Where((_, i) => i != 3), messages.Where((_, i) => i != 3));
            Assert.Equal(copy.Candidate.Text.User, messages[3].Content);
            Assert.Equal(ContentHash.Of(messages), copy.Record.ContentHash);
            Assert.Equal(7, copy.Record.ParentExampleId);
        }

        Assert.Equal(copies.Count, copies.Select(c => c.Record.ContentHash).Distinct().Count());
    }

    private static (string Role, string Content)[] Messages(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!)).ToArray();
}
