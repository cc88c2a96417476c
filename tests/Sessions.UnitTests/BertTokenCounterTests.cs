using Sessions.Embeddings.MiniLm;

namespace Sessions.UnitTests;

public class BertTokenCounterTests
{
    private readonly BertTokenCounter _tokenizer = BertTokenCounter.MiniLm;

    // Expected counts are bert-base-uncased's own (BERT's README and Hugging Face's tokenizer docs).
    [Theory]
    [InlineData("Jim Henson was a puppeteer", 6)]          // jim henson was a puppet ##eer
    [InlineData("I love tokenization", 4)]                 // i love token ##ization
    [InlineData("Hello, world!", 4)]                       // hello , world !
    [InlineData("internationalization", 2)]                // international ##ization
    [InlineData("Café CAFÉ cafe", 3)]                      // accents stripped, lower-cased
    [InlineData("日本語", 3)]                              // every CJK ideograph stands alone
    [InlineData("   ", 0)]
    [InlineData("a\u0000b\u0007c", 1)]                     // control characters are dropped: "abc"
    [InlineData("🙂", 0)]                                 // Hugging Face gives [UNK]; Microsoft.ML.Tokenizers 3.0 drops characters outside the BMP
    [InlineData("\ud800x", 1)]                             // a lone surrogate is dropped, never throws
    public void Counts_match_bert_base_uncased(string text, int expected) =>
        Assert.Equal(expected, _tokenizer.Count(text));

    [Fact]
    public void A_word_longer_than_100_characters_is_one_unknown_token() =>
        Assert.Equal(1, _tokenizer.Count(new string('x', 101)));

    [Fact]
    public void Truncation_keeps_whole_words_within_the_budget()
    {
        const string text = "I love tokenization of long texts";

        Assert.Equal("I love", _tokenizer.Truncate(text, 3).TrimEnd());       // "tokenization" needs two more
        Assert.Equal("I love tokenization", _tokenizer.Truncate(text, 4).TrimEnd());
        Assert.Equal(text, _tokenizer.Truncate(text, 100));
        Assert.True(_tokenizer.Count(_tokenizer.Truncate(text, 5)) <= 5);
    }
}
