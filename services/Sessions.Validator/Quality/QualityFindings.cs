using System.Globalization;
using Sessions.Contracts;
using Sessions.Validator.Validation;
using Sessions.Storage.Entities;

namespace Sessions.Validator.Quality;

/// <summary>Every check of one example, each broken one as a finding; nothing short-circuits, so all reasons are kept.</summary>
public sealed class QualityFindings(QualityOptions options)
{
    public List<QualityFinding> Of(QualityInput input, TextQualitySignals signals, ModelQualityState state)
    {
        var findings = new List<QualityFinding>();
        void Add(FindingKind kind, string code, string detail) => findings.Add(new(kind, new RejectionReason(code, detail)));

        if (signals.IsEmpty)
        {
            Add(FindingKind.HardFailure, QualityCodes.EmptyText, "the text has no visible characters");
        }

        if (input.TokenCount < options.MinSequenceTokens)
        {
            Add(FindingKind.HardFailure, ValidationCodes.SequenceTooShort, $"{input.TokenCount} tokens; at least {options.MinSequenceTokens}");
        }
        else if (input.TokenCount > options.MaxSequenceTokens)
        {
            Add(FindingKind.HardFailure, ValidationCodes.SequenceTooLong, $"{input.TokenCount} tokens; at most {options.MaxSequenceTokens}");
        }

        if (input.Embedding is { } embedding)
        {
            var checks = EmbeddingChecks.Check(embedding, options);
            findings.AddRange(checks.Select(r => new QualityFinding(FindingKind.HardFailure, r)));
            if (checks.Count == 0 && state.Centroid.Dimension > 0 && embedding.Length != state.Centroid.Dimension)
            {
                // A model's corpus must share one embedding space; after a deliberate generator change, reset the centroid.
                Add(FindingKind.HardFailure, QualityCodes.EmbeddingDimension, $"dimension {embedding.Length}; the model's embeddings have {state.Centroid.Dimension}");
            }
        }

        if (signals.UniqueWords < options.MinUniqueWords)
        {
            Add(FindingKind.Rule, QualityCodes.TooFewUniqueWords, $"{signals.UniqueWords} unique words; at least {options.MinUniqueWords}");
        }

        if (state.Documents.DocumentCount >= options.MinTfIdfDocuments && signals.Words.Count > 0)
        {
            var tfidf = state.Documents.Score(signals.Words);
            if (tfidf < options.MinTfIdfScore)
            {
                Add(FindingKind.Rule, QualityCodes.LowTfIdf, $"TF-IDF {F(tfidf)}; at least {F(options.MinTfIdfScore)}");
            }
        }

        AddHeuristics(signals, options, findings);
        AddOutliers(input, state, Add);
        return findings;
    }

    private static void AddHeuristics(TextQualitySignals signals, QualityOptions options, List<QualityFinding> findings)
    {
        // A heuristic far beyond its limit is stronger evidence of junk: its penalty grows with value / limit, up to double.
        void add(double value, double limit, string code, string detail) =>
            findings.Add(new(FindingKind.Heuristic, new(code, detail), Math.Clamp(limit > 0 ? value / limit : 2, 1, 2)));

        if (signals.SymbolToWordRatio > options.MaxSymbolToWordRatio)
        {
            add(signals.SymbolToWordRatio, options.MaxSymbolToWordRatio, QualityCodes.SymbolRatio, $"{signals.Symbols} '#' runs or ellipses for {signals.Words.Count} words; at most {F(options.MaxSymbolToWordRatio)} per word");
        }

        if (signals.NonAlphanumericRatio > options.MaxNonAlphanumericRatio)
        {
            add(signals.NonAlphanumericRatio, options.MaxNonAlphanumericRatio, QualityCodes.NonAlphanumericRatio, $"{F(signals.NonAlphanumericRatio)} of the characters are neither letters nor digits; at most {F(options.MaxNonAlphanumericRatio)}");
        }

        double[] limits = [options.MaxRepeated2GramFraction, options.MaxRepeated3GramFraction, options.MaxRepeated4GramFraction];
        var over = Enumerable.Range(0, 3).Where(i => signals.RepeatedNgramFractions[i] > limits[i]).ToList();
        if (over.Count > 0)
        {
            var parts = over.Select(i => $"{i + 2}-grams {F(signals.RepeatedNgramFractions[i])} > {F(limits[i])}");
            var worst = over.Max(i => signals.RepeatedNgramFractions[i] / limits[i]);
            add(worst, 1, QualityCodes.RepeatedNgrams, "share of characters in repeated " + string.Join(", ", parts));
        }

        if (signals.RepeatedLineFraction > options.MaxRepeatedLineFraction)
        {
            add(signals.RepeatedLineFraction, options.MaxRepeatedLineFraction, QualityCodes.RepeatedLines, $"{F(signals.RepeatedLineFraction)} of the lines repeat an earlier line; at most {F(options.MaxRepeatedLineFraction)}");
        }
    }

    private void AddOutliers(QualityInput input, ModelQualityState state, Action<FindingKind, string, string> add)
    {
        if (state.LogLengths.Count >= options.MinOutlierSamples && input.TokenCount > 0)
        {
            var z = state.LogLengths.ZScore(ModelQualityState.LogLength(input.TokenCount));
            if (Math.Abs(z) > options.OutlierStandardDeviations)
            {
                add(FindingKind.Outlier, QualityCodes.LengthOutlier, $"{input.TokenCount} tokens is {F(z)} standard deviations from the model's log-length mean");
            }
        }

        // One-sided: being unusually close to the centroid is not suspicious, being far from it is.
        if (input.Embedding is { } embedding && state.Centroid.Distances.Count >= options.MinOutlierSamples
            && state.Centroid.DistanceTo(embedding) is { } distance)
        {
            var z = state.Centroid.Distances.ZScore(distance);
            if (z > options.OutlierStandardDeviations)
            {
                add(FindingKind.Outlier, QualityCodes.EmbeddingOutlier, $"cosine distance {F(distance)} to the model's centroid is {F(z)} standard deviations above the mean");
            }
        }
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
