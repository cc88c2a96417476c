using Sessions.Contracts;
using Sessions.Deduplication;
using Sessions.Validator.Quality;

namespace Sessions.Validator.Validation;

/// <summary>An example as the validator sees it: its hash, length, last exchange, the reply's stored embedding, and whether it is an augmented copy.</summary>
public sealed record ExampleCandidate(long Id, string ContentHash, int TokenCount, ExchangeText Text, float[]? Embedding = null, bool IsCopy = false)
{
    public QualityInput Quality => new(Text.Combined, TokenCount, Embedding);
}

/// <summary>
/// The verdict on one example: rejected when any reason is given, and then every reason is kept. Flags are what an
/// accepted example was noticed for (an outlier, a heuristic just over its limit). The fingerprint is persisted for accepted ones.
/// </summary>
public sealed record ExampleVerdict(long Id, IReadOnlyList<RejectionReason> Reasons, TextFingerprint Fingerprint, double? QualityScore = null)
{
    public IReadOnlyList<RejectionReason> Flags { get; init; } = [];

    public bool Accepted => Reasons.Count == 0;
}

/// <summary>
/// What the validator knows of a model's accepted corpus for one batch: the hashes among the batch's texts, a
/// near-duplicate index holding the candidates the batch's band keys found, and the quality statistics. Accepted
/// examples join all three, so the later examples of a batch are checked against the earlier ones too.
/// </summary>
public sealed class ValidationCorpus(ISet<string> acceptedHashes, NearDuplicateIndex nearDuplicates, ModelQualityState quality)
{
    private readonly Dictionary<string, TextFingerprint> _fingerprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TextQualitySignals> _signals = new(StringComparer.Ordinal);

    public ISet<string> AcceptedHashes { get; } = acceptedHashes;
    public NearDuplicateIndex NearDuplicates { get; } = nearDuplicates;
    public ModelQualityState Quality { get; } = quality;

    /// <summary>Computed once per text: the loader needs the band keys, the validator the signature.</summary>
    public TextFingerprint FingerprintOf(ExchangeText text)
    {
        var combined = text.Combined;
        if (!_fingerprints.TryGetValue(combined, out var fingerprint))
        {
            fingerprint = NearDuplicates.Fingerprint(combined);
            _fingerprints[combined] = fingerprint;
        }

        return fingerprint;
    }

    /// <summary>Computed once per text: the statistics store reads a copy's words to load their frequencies, the scorer all of them.</summary>
    public TextQualitySignals SignalsOf(string text)
    {
        if (!_signals.TryGetValue(text, out var signals))
        {
            signals = TextQualitySignals.Of(text);
            _signals[text] = signals;
        }

        return signals;
    }
}

/// <summary>
/// Quality (length, unique words, TF-IDF, session duplicate ratio, chat heuristics, outliers, embedding checks) and
/// exact and near duplicates against the accepted corpus and within the batch. No bus, no database.
/// </summary>
public sealed class ExampleValidator(QualityScorer scorer)
{
    private static readonly TextFingerprint NoFingerprint = new(0, null, []);

    /// <summary>
    /// A session's originals, or the augmented copies of its accepted examples. Quality is judged against the corpus
    /// as it was before the batch (the session duplicate ratio only among originals: copies resemble each other by design).
    /// </summary>
    public IReadOnlyList<ExampleVerdict> Validate(IReadOnlyList<ExampleCandidate> candidates, ValidationCorpus corpus)
    {
        var originals = candidates.All(c => !c.IsCopy);
        var inputs = candidates.Select(c => c.Quality).ToList();
        var signals = inputs.Select(i => corpus.SignalsOf(i.Text)).ToList();
        var assessments = originals
            ? scorer.AssessSession(inputs, signals, corpus.Quality)
            : inputs.Select((input, i) => scorer.Assess(input, signals[i], corpus.Quality)).ToList();

        var verdicts = new List<ExampleVerdict>(candidates.Count);
        foreach (var (candidate, assessment) in candidates.Zip(assessments))
        {
            var reasons = new List<RejectionReason>();
            // Copies are never checked for near duplicates nor indexed, so they need no MinHash (most of their cost).
            var fingerprint = candidate.IsCopy ? NoFingerprint : corpus.FingerprintOf(candidate.Text);
            if (corpus.AcceptedHashes.Contains(candidate.ContentHash))
            {
                reasons.Add(new(ValidationCodes.DuplicateExact, "the same text is already accepted for this model"));
            }
            // An augmented copy is a near-duplicate of its parent by design; only exact copies are refused.
            else if (!candidate.IsCopy && corpus.NearDuplicates.Check(fingerprint) is { } match)
            {
                reasons.Add(new(ValidationCodes.DuplicateNear, $"estimated Jaccard {match.EstimatedJaccard:F2} with accepted example {match.ExampleId}"));
            }

            if (!assessment.Accepted)
            {
                reasons.AddRange(assessment.Reasons);
            }

            if (reasons.Count == 0)
            {
                corpus.AcceptedHashes.Add(candidate.ContentHash);
                if (!candidate.IsCopy)
                {
                    corpus.NearDuplicates.Add(candidate.Id, fingerprint);
                }
            }

            verdicts.Add(new ExampleVerdict(candidate.Id, reasons, fingerprint, assessment.Score)
            {
                Flags = reasons.Count == 0 ? assessment.Reasons : [],
            });
        }

        // Learned after the batch, so that every example of a session met the same corpus. Copies are not learned:
        // sixteen near-copies of one turn would make its words look common to the TF-IDF check.
        foreach (var (verdict, (input, assessment)) in verdicts.Zip(inputs.Zip(assessments)))
        {
            if (verdict.Accepted && originals)
            {
                corpus.Quality.Learn(input, assessment.Signals);
            }
        }

        return verdicts;
    }
}
