using Sessions.Validator.Augmentation;

namespace Sessions.UnitTests.Augmentation;

public class SynonymLexiconTests
{
    [Fact]
    public void The_embedded_lexicon_knows_common_words()
    {
        var lexicon = SynonymLexicon.WordNet;

        Assert.InRange(lexicon.Count, 30_000, 60_000);
        Assert.Contains("glad", lexicon.SynonymsOf("happy"));
        Assert.Contains("felicitous", lexicon.SynonymsOf("happy"));
        Assert.Contains("mistake", lexicon.SynonymsOf("error"));
        Assert.Contains("repair", lexicon.SynonymsOf("fix"));
        TestReports.Write("augmentation-lexicon", $"WordNet 3.0 lexicon: {lexicon.Count} words with synonyms; happy -> {string.Join(' ', lexicon.SynonymsOf("happy"))}");
    }

    [Fact]
    public void Lookups_ignore_case_and_fall_back_to_the_base_form()
    {
        var lexicon = SynonymLexicon.WordNet;

        Assert.Equal(lexicon.SynonymsOf("happy"), lexicon.SynonymsOf("HAPPY"));
        Assert.Contains("mistake", lexicon.SynonymsOf("errors"));
        Assert.Contains("repair", lexicon.SynonymsOf("fixes"));
        Assert.Contains("error", lexicon.SynonymsOf("Mistakes"));
    }

    [Fact]
    public void Synonyms_are_single_lowercase_words_without_the_word_itself()
    {
        var lexicon = SynonymLexicon.WordNet;

        foreach (var word in new[] { "help", "run", "question", "big", "car" })
        {
            var synonyms = lexicon.SynonymsOf(word);
            Assert.NotEmpty(synonyms);
            Assert.InRange(synonyms.Count, 1, 10);
            Assert.DoesNotContain(word, synonyms);
            Assert.All(synonyms, s => Assert.Matches("^[a-z]+$", s));
        }
    }

    [Fact]
    public void Unknown_and_non_latin_words_have_no_synonyms()
    {
        var lexicon = SynonymLexicon.WordNet;

        Assert.Empty(lexicon.SynonymsOf("qwzxv"));
        Assert.Empty(lexicon.SynonymsOf("שלום"));
        Assert.Empty(lexicon.SynonymsOf("don't"));
    }

    [Fact]
    public void A_lexicon_can_be_read_from_text()
    {
        var lexicon = SynonymLexicon.Read(new StringReader("fast\tquick rapid\nslow\tsluggish\n\nbroken line\n"));

        Assert.Equal(2, lexicon.Count);
        Assert.Equal(["quick", "rapid"], lexicon.SynonymsOf("Fast"));
    }

    [Fact]
    public void WordNets_license_travels_with_the_data()
    {
        using var stream = typeof(SynonymLexicon).Assembly.GetManifestResourceStream("Sessions.Validator.Augmentation.LICENSE-wordnet.txt");

        Assert.NotNull(stream);
        Assert.Contains("WordNet 3.0 Copyright 2006 by Princeton University", new StreamReader(stream).ReadToEnd());
    }
}
