using Sessions.Embeddings.MiniLm;
using Sessions.Datasets;
using Sessions.Text;
using Sessions.Text.Redaction;
using Sessions.Text.Tokenization;
using Sessions.Contributions;

namespace Sessions.UnitTests.Contributions;

public sealed class ContributedExampleBuilderTests
{
    private static readonly ContributedExampleBuilder Builder = new(new PiiRedactor(new RedactionOptions()), BertTokenCounter.MiniLm, new ContributionOptions());

    [Fact]
    public void A_row_is_redacted_hashed_like_a_session_example_and_counted_with_four_tokens_per_message()
    {
        var row = new ContributedRow("f.jsonl", 3, [new("user", "Write to jane.doe@example.com"), new("assistant", "Done.")]);

        var (example, rejection) = Builder.Build(row);

        Assert.Null(rejection);
        Assert.Equal("Write to <EMAIL>", example!.Messages[0].Content);
        Assert.Equal(ContentHash.Of([("user", "Write to <EMAIL>"), ("assistant", "Done.")]), example.ContentHash);
        var tokens = BertTokenCounter.MiniLm;
        Assert.Equal(tokens.Count("Write to <EMAIL>") + tokens.Count("Done.") + 8, example.TokenCount);
        Assert.Equal([tokens.Count("Write to <EMAIL>"), tokens.Count("Done.")], example.MessageTokens);
        Assert.Equal(("Write to <EMAIL>", "Done."), (example.LastExchange.User, example.LastExchange.Reply));
        Assert.Equal("""[{"role":"user","content":"Write to <EMAIL>"},{"role":"assistant","content":"Done."}]""", example.MessagesJson);
    }

    [Fact]
    public void A_row_over_512_tokens_is_rejected_with_its_row_number()
    {
        var row = new ContributedRow("f.jsonl", 9, [new("user", "hi"), new("assistant", string.Join(' ', Enumerable.Repeat("word", 600)))]);

        var (example, rejection) = Builder.Build(row);

        Assert.Null(example);
        Assert.Equal(("f.jsonl", 9L, "sequence_too_long"), (rejection!.Source, rejection.RowNumber, rejection.Code));
    }
}
