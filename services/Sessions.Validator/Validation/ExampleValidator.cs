using Sessions.Contracts;
using Sessions.Deduplication;
using Sessions.Validator.Quality;
using Sessions.Storage.Entities;

namespace Sessions.Validator.Validation;

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
