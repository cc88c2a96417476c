using Sessions.Contracts;

namespace Sessions.Validator.Validation;

/// <summary>An example as the validator sees it.</summary>
public sealed record ExampleCandidate(long Id, string ContentHash, int TokenCount);

/// <summary>The verdict on one example; rejected examples keep every reason.</summary>
public sealed record ExampleVerdict(long Id, IReadOnlyList<RejectionReason> Reasons)
{
    public bool Accepted => Reasons.Count == 0;
}

/// <summary>Length bounds and exact duplicates (against the accepted corpus and within the batch). No bus, no database.</summary>
public sealed class ExampleValidator(ValidatorOptions options)
{
    public IReadOnlyList<ExampleVerdict> Validate(IReadOnlyList<ExampleCandidate> candidates, IReadOnlySet<string> acceptedHashes)
    {
        var seen = new HashSet<string>(acceptedHashes);
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

            if (seen.Contains(candidate.ContentHash))
            {
                reasons.Add(new(ValidationCodes.DuplicateExact, "the same text is already accepted for this model"));
            }
            else if (reasons.Count == 0)
            {
                seen.Add(candidate.ContentHash);
            }

            verdicts.Add(new ExampleVerdict(candidate.Id, reasons));
        }

        return verdicts;
    }
}
