using Sessions.Text.Tokenization;

namespace Sessions.UnitTests;

public class TiktokenTokenCounterTests
{
    // Counts as OpenAI's tiktoken gives them for these encodings.
    [Theory]
    [InlineData("o200k_base", "Hello, world!", 4)]
    [InlineData("cl100k_base", "Hello, world!", 4)]
    [InlineData("cl100k_base", "tiktoken is great!", 6)]
    [InlineData("o200k_base", "", 0)]
    public void Counts_match_tiktoken(string encoding, string text, int expected) =>
        Assert.Equal(expected, TiktokenTokenCounter.For(encoding).Count(text));

    [Fact]
    public void O200k_base_is_the_default_and_an_unknown_encoding_names_the_key()
    {
        Assert.Equal("o200k_base", TiktokenTokenCounter.For(null).Encoding);
        Assert.Contains("Tokens:Encoding", Assert.Throws<InvalidOperationException>(() => TiktokenTokenCounter.For("p50k_base")).Message);
    }

    [Fact]
    public void Truncation_is_a_prefix_within_the_budget()
    {
        var counter = TiktokenTokenCounter.For("o200k_base");
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}"));

        var cut = counter.Truncate(text, 50);

        Assert.StartsWith(cut, text);
        Assert.InRange(counter.Count(cut), 45, 50);
        Assert.Equal(text, counter.Truncate(text, 10_000));
    }

    [Fact]
    public void Hostile_text_is_counted_without_throwing()
    {
        var counter = TiktokenTokenCounter.For("o200k_base");
        Assert.All(new[] { "🙂🙂", "你好，世界", "مرحبا", "नमस्ते", "a\u0000b\u0007c", "\ud800x", new string('x', 100_000) },
            t => Assert.True(counter.Count(t) > 0));
    }
}
