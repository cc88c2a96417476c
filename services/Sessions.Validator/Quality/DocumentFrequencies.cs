using Sessions.Text;

namespace Sessions.Validator.Quality;

/// <summary>
/// Document frequencies of one model's accepted corpus, kept incrementally: adding a document touches only its own
/// distinct terms, never the corpus. Terms are the words of <see cref="WordSplitter"/>.
/// </summary>
public sealed class DocumentFrequencies
{
    private readonly Dictionary<string, long> _frequencies;

    public DocumentFrequencies() : this(0, new Dictionary<string, long>(StringComparer.Ordinal))
    {
    }

    private DocumentFrequencies(long documentCount, Dictionary<string, long> frequencies)
    {
        DocumentCount = documentCount;
        _frequencies = frequencies;
    }

    public long DocumentCount { get; private set; }

    public int TermCount => _frequencies.Count;

    public long FrequencyOf(string term) => _frequencies.GetValueOrDefault(term);

    /// <summary>Makes a stored term's frequency known, unless this instance already has it (it may have learned more since).</summary>
    public void Know(string term, long documents) => _frequencies.TryAdd(term, documents);

    /// <summary>Adds one document; O(its terms).</summary>
    public void Add(IEnumerable<string> terms)
    {
        foreach (var term in new HashSet<string>(terms, StringComparer.Ordinal))
        {
            _frequencies[term] = _frequencies.GetValueOrDefault(term) + 1;
        }

        DocumentCount++;
    }

    /// <summary>
    /// TF-IDF of a text against the corpus, in [0,1]: the term-frequency-weighted mean of
    /// idf(t) = ln((1 + N) / (1 + df(t))), divided by its largest possible value ln(1 + N) (a term no document has).
    /// 1 means every word is new to the corpus, 0 that every word occurs in every document (only filler words).
    /// An empty corpus or a text without words scores 1: there is no evidence that the text is uninformative;
    /// the scorer additionally skips the check until <see cref="QualityOptions.MinTfIdfDocuments"/> documents exist.
    /// </summary>
    public double Score(IReadOnlyList<string> terms)
    {
        if (DocumentCount == 0 || terms.Count == 0)
        {
            return 1;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }

        var maxIdf = Math.Log(1.0 + DocumentCount);
        var sum = 0.0;
        foreach (var (term, count) in counts)
        {
            var idf = Math.Log((1.0 + DocumentCount) / (1.0 + FrequencyOf(term)));
            sum += (double)count / terms.Count * idf;
        }

        return Math.Clamp(sum / maxIdf, 0, 1);
    }

    public DocumentFrequencySnapshot ToSnapshot() =>
        new(DocumentCount, new Dictionary<string, long>(_frequencies, StringComparer.Ordinal));

    public static DocumentFrequencies FromSnapshot(DocumentFrequencySnapshot snapshot) =>
        new(snapshot.DocumentCount, new Dictionary<string, long>(snapshot.Frequencies, StringComparer.Ordinal));

    /// <summary>The same frequencies computed from scratch; what the incremental form must equal.</summary>
    public static DocumentFrequencies FromDocuments(IEnumerable<IEnumerable<string>> documents)
    {
        var frequencies = new Dictionary<string, long>(StringComparer.Ordinal);
        long count = 0;
        foreach (var document in documents)
        {
            count++;
            foreach (var term in document.Distinct(StringComparer.Ordinal))
            {
                frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
            }
        }

        return new DocumentFrequencies(count, frequencies);
    }
}
