using Sessions.Deduplication;
using Sessions.Validator.Quality;
using Sessions.Text;

namespace Sessions.Validator.Validation;

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
