using Sessions.Deduplication;
using Sessions.Text;
using Sessions.Validator.Quality;

namespace Sessions.UnitTests;

public class WordSplitterTests
{
    [Fact]
    public void Thai_without_spaces_is_one_word_per_character_including_its_vowel_marks()
    {
        Assert.Equal(["ส", "ว", "ั", "ส", "ด", "ี", "ค", "ร", "ั", "บ"], WordSplitter.Words("สวัสดีครับ"));
    }

    [Fact]
    public void Chinese_is_one_word_per_ideograph()
    {
        Assert.Equal(["我", "们", "明", "天", "见"], WordSplitter.Words("我们明天见。"));
    }

    [Fact]
    public void Japanese_kanji_hiragana_and_katakana_full_or_half_width_are_one_word_per_character()
    {
        Assert.Equal(["東", "京", "に", "テ", "ス", "ト"], WordSplitter.Words("東京にテスト"));
        Assert.Equal(3, WordSplitter.Words("ﾃｽﾄ").Count);
    }

    [Fact]
    public void Latin_words_next_to_unspaced_characters_stay_whole()
    {
        Assert.Equal(["api", "key", "を", "使", "う"], WordSplitter.Words("API key を使う"));
    }

    [Fact]
    public void An_apostrophe_between_letters_joins_unless_the_caller_splits_there()
    {
        Assert.Equal(["l'export", "c'est", "fait"], WordSplitter.Words("L’export, c'est fait"));
        Assert.Equal(["l", "export", "c", "est", "fait"], WordSplitter.Words("L’export, c'est fait", apostrophesJoin: false));
    }

    [Fact]
    public void Deduplication_and_quality_count_the_same_words_in_a_script_without_spaces()
    {
        const string thai = "ขอบคุณมากสำหรับความช่วยเหลือ";

        Assert.Equal(TextQualitySignals.Of(thai).Words.Count, ShingleSet.FromText(thai, 3).WordCount);
    }
}
