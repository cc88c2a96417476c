namespace Sessions.Validator.Quality;

/// <summary>
/// Quality thresholds and score weights, bound from <c>Validator:Quality</c>. The rule defaults are the validation
/// config of seed 001; the heuristic defaults are chosen for chat turns (see each property) and were checked against
/// the labeled set in tests/Sessions.UnitTests/Quality.
/// </summary>
public class QualityOptions
{
    public const string SectionName = "Validator:Quality";

    /// <summary>
    /// A token count outside these is a hard failure. The validator sets them from <see cref="ValidatorOptions"/>
    /// (Validator:MinSequenceTokens / MaxSequenceTokens), so they are configured in one place.
    /// </summary>
    public int MinSequenceTokens { get; set; } = 1;
    public int MaxSequenceTokens { get; set; } = 512;

    public int MinUniqueWords { get; set; } = 10;
    public double MinTfIdfScore { get; set; } = 0.1;

    /// <summary>Below this many accepted documents the TF-IDF check is skipped: idf over a handful of documents is noise.</summary>
    public int MinTfIdfDocuments { get; set; } = 30;

    /// <summary>Share of a session's examples that repeat an earlier one (normalized text).</summary>
    public double MaxSessionDuplicateRatio { get; set; } = 0.3;

    public double OutlierStandardDeviations { get; set; } = 2.0;

    /// <summary>Below this many accepted examples no outlier flag fires: mean and deviation are not yet stable.</summary>
    public int MinOutlierSamples { get; set; } = 30;

    public int MinEmbeddingDimension { get; set; } = 384;
    public int MaxEmbeddingDimension { get; set; } = 768;

    /// <summary>
    /// '#' runs and ellipses per word. Gopher uses 0.1 for web pages; chat trails off ("hmm... ok...") and assistant
    /// replies use markdown headings, so a run of '#' counts once and the limit is 0.25: one such symbol per four words.
    /// </summary>
    public double MaxSymbolToWordRatio { get; set; } = 0.25;

    /// <summary>
    /// Share of visible characters that are neither letters nor digits (marks and format characters are not counted).
    /// Chat about code is legitimately punctuation-heavy (a C# line is about 30–40 %); dumps of symbols and emoji strings
    /// are above 60 %, so 0.5 separates them.
    /// </summary>
    public double MaxNonAlphanumericRatio { get; set; } = 0.5;

    /// <summary>
    /// Share of word characters inside word n-grams that occur more than once (Gopher's duplicate n-gram fraction,
    /// applied to 2-, 3- and 4-grams as chat turns are short). Long replies repeat common bigrams ("of the", "you can")
    /// by chance, so the limit falls as n grows: 0.4, 0.3, 0.25 (Gopher: 0.20/0.18/0.16 for the top n-gram of web text).
    /// </summary>
    public double MaxRepeated2GramFraction { get; set; } = 0.4;
    public double MaxRepeated3GramFraction { get; set; } = 0.3;
    public double MaxRepeated4GramFraction { get; set; } = 0.25;

    /// <summary>
    /// Share of lines (with a letter or digit) that repeat an earlier line, as in Gopher (0.3). Lines of punctuation
    /// only ("}", "```", "---") are structure in code and markdown replies and are not counted.
    /// </summary>
    public double MaxRepeatedLineFraction { get; set; } = 0.3;

    public double MinQualityScore { get; set; } = 0.7;

    /// <summary>How often a validator writes what its batches added to the corpus statistics (see PendingCorpusStatistics).</summary>
    public TimeSpan StatisticsFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Penalty of a broken config rule (unique words, TF-IDF, session duplicates): alone it rejects.</summary>
    public double RulePenalty { get; set; } = 0.35;

    /// <summary>Penalty of one junk heuristic: alone it is a warning (0.75), two of them reject.</summary>
    public double HeuristicPenalty { get; set; } = 0.25;

    /// <summary>Penalty of an outlier flag: both outliers alone still pass (0.7), an outlier plus a heuristic rejects.</summary>
    public double OutlierPenalty { get; set; } = 0.15;
}
