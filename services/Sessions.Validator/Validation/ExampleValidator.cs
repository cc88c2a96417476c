using Sessions.Contracts;
using Sessions.Validator.Deduplication;

namespace Sessions.Validator.Validation;

/// <summary>An example as the validator sees it: its hash, length, last exchange, the reply's stored embedding, and whether it is an augmented copy.</summary>
public sealed record ExampleCandidate(long Id, string ContentHash, int TokenCount, ExchangeText Text, float[]? Embedding = null, bool IsCopy = false);

/// <summary>The verdict on one example; rejected examples keep every reason. The fingerprint is persisted for accepted ones.</summary>
public sealed record ExampleVerdict(long Id, IReadOnlyList<RejectionReason> Reasons, TextFingerprint Fingerprint, double? QualityScore = null)
{
    public bool Accepted => Reasons.Count == 0;
}

/// <summary>
/// What the validator knows of a model's accepted corpus for one batch: the hashes among the batch's texts and a
/// near-duplicate index holding the candidates the batch's band keys found. Accepted examples join both, so the
/// later examples of a batch are checked against the earlier ones too.
/// </summary>
public sealed class ValidationCorpus(ISet<string> acceptedHashes, NearDuplicateIndex nearDuplicates)
{
    private readonly Dictionary<string, TextFingerprint> _fingerprints = new(StringComparer.Ordinal);

    public ISet<string> AcceptedHashes { get; } = acceptedHashes;
    public NearDuplicateIndex NearDuplicates { get; } = nearDuplicates;

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
}

/// <summary>Length bounds, exact and near duplicates against the accepted corpus and within the batch. No bus, no database.</summary>
public sealed class ExampleValidator(ValidatorOptions options)
{
    public IReadOnlyList<ExampleVerdict> Validate(IReadOnlyList<ExampleCandidate> candidates, ValidationCorpus corpus)
    {
        var verdicts = new List<ExampleVerdict>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var reasons = new List<RejectionReason>();
            if (candidate.TokenCount < options.MinSequenceTokens)
            {
                reasons.Add(new(ValidationCodes.SequenceTooShort, $"{candidate.TokenCount} tokens; at least {options.MinSequenceTokens}"));
            }
            else if (candidate.TokenCount > options.MaxSequenceTokens)
            {
                reasons.Add(new(ValidationCodes.SequenceTooLong, $"{candidate.TokenCount} tokens; at most {options.MaxSequenceTokens}"));
            }

            var fingerprint = corpus.FingerprintOf(candidate.Text);
            if (corpus.AcceptedHashes.Contains(candidate.ContentHash))
            {
                reasons.Add(new(ValidationCodes.DuplicateExact, "the same text is already accepted for this model"));
            }
            // An augmented copy is a near-duplicate of its parent by design; only exact copies are refused.
            else if (!candidate.IsCopy && corpus.NearDuplicates.Check(fingerprint) is { } match)
            {
                reasons.Add(new(ValidationCodes.DuplicateNear, $"estimated Jaccard {match.EstimatedJaccard:F2} with accepted example {match.ExampleId}"));
            }

            if (reasons.Count == 0)
            {
                corpus.AcceptedHashes.Add(candidate.ContentHash);
                if (!candidate.IsCopy)
                {
                    corpus.NearDuplicates.Add(candidate.Id, fingerprint);
                }
            }

            verdicts.Add(new ExampleVerdict(candidate.Id, reasons, fingerprint));
        }

        return verdicts;
    }
}
