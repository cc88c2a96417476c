using Sessions.Datasets;
using Sessions.Embeddings;
using Sessions.Storage;
using Sessions.Text.Redaction;
using Sessions.Text.Tokenization;
using Sessions.Trainer.Contributions;

namespace Sessions.UnitTests.Contributions;

public sealed class ContributedEmbeddingsTests
{
    private static readonly WordPieceTokenizer Tokens = WordPieceTokenizer.BertBaseUncased;
    private static readonly LexicalHashingEmbeddingGenerator Lexical = new();

    [Fact]
    public async Task Only_a_message_over_the_embedders_token_budget_is_embedded_truncated()
    {
        var options = new EmbeddingOptions { Provider = EmbeddingOptions.Lexical, MaxTokens = 8 };
        var embeddings = new ContributedEmbeddings(Lexical, options, Tokens, new ContributionOptions());
        var builder = new ContributedExampleBuilder(new PiiRedactor(new RedactionOptions()), Tokens, new ContributionOptions());
        var longWords = string.Join(' ', Enumerable.Range(0, 20).Select(i => $"word{i}")); // far over 8 tokens
        var longButOneToken = new string('x', 300); // more characters than the budget, one [UNK] token
        var (example, _) = builder.Build(new ContributedRow("f.jsonl", 1, [new("user", longWords), new("assistant", longButOneToken)]));

        var vectors = (await embeddings.VectorsAsync([example!], CancellationToken.None))[0];

        Assert.Equal([0, 1], vectors.Select(v => v.MessageIndex));
        Assert.Equal(StoredVector.ToBytes(Lexical.Embed(Tokens.Truncate(longWords, 8))), vectors[0].Vector);
        Assert.NotEqual(StoredVector.ToBytes(Lexical.Embed(longWords)), vectors[0].Vector);
        Assert.Equal(StoredVector.ToBytes(Lexical.Embed(longButOneToken)), vectors[1].Vector);
    }
}
