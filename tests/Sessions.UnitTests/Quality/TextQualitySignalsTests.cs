using Sessions.Text;
using Sessions.Validator.Quality;

namespace Sessions.UnitTests.Quality;

public class TextQualitySignalsTests
{
    [Fact]
    public void Words_are_lower_cased_and_split_on_spaces_and_punctuation_with_apostrophes_kept()
    {
        Assert.Equal(["don't", "stop", "it's", "fine", "ok"], WordSplitter.Words("Don't STOP: it's fine, OK?"));
    }

    [Fact]
    public void Mixed_scripts_split_into_their_own_words_and_each_ideograph_is_a_word()
    {
        Assert.Equal(["привет", "hello", "你", "好"], WordSplitter.Words("Привет hello 你好"));
    }

    [Fact]
    public void A_Chinese_sentence_without_spaces_counts_its_characters_as_words()
    {
        var signals = TextQualitySignals.Of("可以用分块读取数据这样内存占用就会小很多");

        Assert.Equal(20, signals.Words.Count);
        Assert.True(signals.UniqueWords >= 10);
    }

    [Fact]
    public void Arabic_with_harakat_and_Hebrew_with_niqqud_keep_their_marks_inside_the_word()
    {
        Assert.Equal(["مَرْحَبًا", "بِكُمْ"], WordSplitter.Words("مَرْحَبًا بِكُمْ"));
        Assert.Equal(["שָׁלוֹם", "עוֹלָם"], WordSplitter.Words("שָׁלוֹם עוֹלָם"));
        Assert.Equal(["میخواهم"], WordSplitter.Words("می\u200Cخواهم")); // ZWNJ does not split a Persian word
    }

    [Fact]
    public void Right_to_left_marks_do_not_create_or_split_words()
    {
        Assert.Equal(["שלום", "עולם"], WordSplitter.Words("\u200Fשלום\u200F עולם\u200E"));
    }

    [Fact]
    public void Only_emoji_has_no_words_and_is_all_non_alphanumeric()
    {
        var signals = TextQualitySignals.Of("😀😀😀 👍🏽 ❤️");

        Assert.Empty(signals.Words);
        Assert.Equal(6, signals.VisibleCharacters); // the skin tone is a symbol of its own; VS16 belongs to the heart
        Assert.Equal(1.0, signals.NonAlphanumericRatio);
        Assert.False(signals.IsEmpty);
    }

    [Fact]
    public void Only_punctuation_has_no_words_and_its_ellipsis_counts_as_a_symbol()
    {
        var signals = TextQualitySignals.Of("!!!???...");

        Assert.Empty(signals.Words);
        Assert.Equal(1, signals.Symbols);
        Assert.Equal(1.0, signals.SymbolToWordRatio);
        Assert.Equal(1.0, signals.NonAlphanumericRatio);
    }

    [Fact]
    public void A_run_of_hashes_and_an_ellipsis_each_count_once()
    {
        Assert.Equal(4, TextQualitySignals.Of("### Setup ... then … done #tag").Symbols);
    }

    [Fact]
    public void Empty_and_null_texts_are_empty_without_throwing()
    {
        Assert.True(TextQualitySignals.Of("").IsEmpty);
        Assert.True(TextQualitySignals.Of(null).IsEmpty);
        Assert.True(TextQualitySignals.Of(" \n\t\u200B ").IsEmpty);
    }

    [Fact]
    public void A_lone_surrogate_is_a_separator_not_an_exception()
    {
        Assert.Equal(["ab", "cd"], WordSplitter.Words("ab\uD800cd"));
    }

    [Fact]
    public void Repeated_ngrams_cover_all_but_the_first_word_of_a_chant_and_none_of_a_plain_sentence()
    {
        var chant = TextQualitySignals.Of("lol lol lol lol lol lol");
        var plain = TextQualitySignals.Of("the quick brown fox jumps over the lazy dog near the river bank");

        Assert.Equal([5 / 6.0, 5 / 6.0, 5 / 6.0], chant.RepeatedNgramFractions); // all but the first "lol"
        Assert.Equal([0.0, 0.0, 0.0], plain.RepeatedNgramFractions);
    }

    [Fact]
    public void Repeated_lines_count_lines_with_letters_and_ignore_code_braces()
    {
        Assert.Equal(0.5, TextQualitySignals.Of("buy now\nBUY  NOW\nbuy now\nsomething else").RepeatedLineFraction);
        Assert.Equal(0.0, TextQualitySignals.Of("if (a)\n{\n    x();\n}\nif (b)\n{\n    y();\n}").RepeatedLineFraction);
    }

    [Fact]
    public void A_100k_character_text_is_measured_whole()
    {
        var text = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"w{i % 5000:D4}abcd "));

        var signals = TextQualitySignals.Of(text);

        Assert.Equal(100_000, text.Length);
        Assert.Equal(10_000, signals.Words.Count);
        Assert.Equal(5_000, signals.UniqueWords);
        Assert.Equal(0.5, signals.RepeatedNgramFractions[2]); // the second half repeats the first
    }
}
