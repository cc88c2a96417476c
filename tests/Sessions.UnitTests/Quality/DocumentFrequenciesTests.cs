using Sessions.Text;
using Sessions.Validator.Quality;

namespace Sessions.UnitTests.Quality;

public class DocumentFrequenciesTests
{
    private static readonly string[] Corpus =
    [
        "how do I reset my password", "the password reset link expired", "thanks the link works now",
        "how do I export my data to csv", "the csv export is empty", "why is the export so slow today",
        "can I change my email address", "the email never arrived", "thanks that helped a lot",
    ];

    [Fact]
    public void Adding_documents_one_by_one_equals_recomputing_from_scratch()
    {
        var incremental = new DocumentFrequencies();
        foreach (var text in Corpus)
        {
            incremental.Add(WordSplitter.Words(text));
        }

        var scratch = DocumentFrequencies.FromDocuments(Corpus.Select(WordSplitter.Words));

        Assert.Equal(scratch.DocumentCount, incremental.DocumentCount);
        Assert.Equal(scratch.ToSnapshot().Frequencies.OrderBy(p => p.Key), incremental.ToSnapshot().Frequencies.OrderBy(p => p.Key));
        Assert.Equal(5, incremental.FrequencyOf("the"));
        var probe = WordSplitter.Words("the export link is empty");
        Assert.Equal(scratch.Score(probe), incremental.Score(probe));
    }

    [Fact]
    public void A_term_counts_once_per_document_however_often_it_occurs()
    {
        var frequencies = new DocumentFrequencies();
        frequencies.Add(["ok", "ok", "ok"]);

        Assert.Equal(1, frequencies.FrequencyOf("ok"));
    }

    [Fact]
    public void Scores_run_from_zero_for_words_in_every_document_to_one_for_new_words()
    {
        var frequencies = DocumentFrequencies.FromDocuments(Enumerable.Range(0, 50).Select(i => new[] { "hello", $"topic{i}" }));

        Assert.Equal(0.0, frequencies.Score(["hello", "hello"]), 10);
        Assert.Equal(1.0, frequencies.Score(["never", "seen"]), 10);
        var mixed = frequencies.Score(["hello", "never"]);
        Assert.InRange(mixed, 0.49, 0.51);
    }

    [Fact]
    public void An_empty_corpus_scores_every_text_one_so_the_first_documents_are_not_rejected()
    {
        Assert.Equal(1.0, new DocumentFrequencies().Score(["anything", "at", "all"]));
    }

    [Fact]
    public void A_snapshot_round_trips_through_json()
    {
        var frequencies = DocumentFrequencies.FromDocuments(Corpus.Select(WordSplitter.Words));

        var json = System.Text.Json.JsonSerializer.Serialize(frequencies.ToSnapshot());
        var restored = DocumentFrequencies.FromSnapshot(System.Text.Json.JsonSerializer.Deserialize<DocumentFrequencySnapshot>(json)!);

        Assert.Equal(frequencies.DocumentCount, restored.DocumentCount);
        Assert.Equal(frequencies.TermCount, restored.TermCount);
        var probe = WordSplitter.Words("how slow is the csv export");
        Assert.Equal(frequencies.Score(probe), restored.Score(probe));
    }
}
