using System.Globalization;
using System.Text;
using Sessions.Deduplication;

namespace Sessions.UnitTests.Deduplication;

/// <summary>Precision and recall of the index's decisions on labeled pairs (duplicate iff exact shingle Jaccard ≥ 0.8).</summary>
public class NearDuplicateAccuracyTests
{
    private static readonly double[] BinEdges = [0, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0, 1.0001];

    /// <summary>The defaults, and twice the permutations for comparison (errors near the threshold shrink as 1/√n).</summary>
    [Theory]
    [InlineData("near-duplicates", 128, 16, 8, 0.90, 0.91)]
    [InlineData("near-duplicates-p256", 256, 32, 8, 0.91, 0.95)]
    public void Decisions_on_2400_labeled_pairs_reach_the_precision_and_recall_floors(
        string reportName, int permutations, int bands, int rows, double precisionFloor, double recallFloor)
    {
        var options = new DeduplicationOptions { Permutations = permutations, Bands = bands, Rows = rows };
        var pairs = LabeledPairs.Build(2400, options.ShingleSize);
        var store = new InMemoryNearDuplicateStore(pairs.Count, options.Bands);
        var index = new NearDuplicateIndex(options, store);
        foreach (var pair in pairs)
        {
            index.Add(pair.Id, pair.First);
        }

        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0, candidatesFound = 0, otherMatches = 0;
        double absoluteError = 0;
        var flaggedPerBin = new int[BinEdges.Length - 1];
        var pairsPerBin = new int[BinEdges.Length - 1];
        foreach (var pair in pairs)
        {
            var fingerprint = index.Fingerprint(pair.Second);
            var candidates = store.FindByBandKeys(fingerprint.BandKeys);
            var match = index.Check(fingerprint);
            var flagged = match?.ExampleId == pair.Id;
            otherMatches += match is not null && !flagged ? 1 : 0;
            var duplicate = pair.IsDuplicate(options.Threshold);
            candidatesFound += duplicate && candidates.Any(c => c.ExampleId == pair.Id) ? 1 : 0;
            absoluteError += Math.Abs(Estimate(index, pair) - pair.Jaccard);
            (truePositives, falsePositives, falseNegatives, trueNegatives) = (duplicate, flagged) switch
            {
                (true, true) => (truePositives + 1, falsePositives, falseNegatives, trueNegatives),
                (false, true) => (truePositives, falsePositives + 1, falseNegatives, trueNegatives),
                (true, false) => (truePositives, falsePositives, falseNegatives + 1, trueNegatives),
                _ => (truePositives, falsePositives, falseNegatives, trueNegatives + 1),
            };
            var bin = Array.FindLastIndex(BinEdges, edge => pair.Jaccard >= edge);
            pairsPerBin[bin]++;
            flaggedPerBin[bin] += flagged ? 1 : 0;
        }

        var precision = (double)truePositives / (truePositives + falsePositives);
        var recall = (double)truePositives / (truePositives + falseNegatives);
        var positives = truePositives + falseNegatives;
        var lsh = new LshBands(options.Bands, options.Rows);
        var report = new StringBuilder()
            .AppendLine(Invariant($"near-duplicates: {pairs.Count} labeled pairs, {positives} duplicates (exact shingle Jaccard >= {options.Threshold})"))
            .AppendLine(Invariant($"scheme {options.Scheme}, LSH midpoint (1/b)^(1/r) = {lsh.ThresholdEstimate:F3}, P(candidate) at 0.7/0.8/0.9 = {lsh.CandidateProbability(0.7):F3}/{lsh.CandidateProbability(0.8):F3}/{lsh.CandidateProbability(0.9):F3}"))
            .AppendLine(Invariant($"TP {truePositives}  FP {falsePositives}  FN {falseNegatives}  TN {trueNegatives}  matches of another example {otherMatches}"))
            .AppendLine(Invariant($"precision {precision:F4}  recall {recall:F4}  candidate-stage recall {(double)candidatesFound / positives:F4}"))
            .AppendLine(Invariant($"mean |estimated - exact Jaccard| {absoluteError / pairs.Count:F4}"))
            .AppendLine("flagged per exact-Jaccard bin:");
        for (var bin = 0; bin < pairsPerBin.Length; bin++)
        {
            var range = bin == pairsPerBin.Length - 1 ? "[1.00]     " : Invariant($"[{BinEdges[bin]:F2}, {BinEdges[bin + 1]:F2})");
            report.AppendLine(Invariant($"  {range}  {flaggedPerBin[bin],5} / {pairsPerBin[bin],5}"));
        }

        TestReports.Write(reportName, report.ToString().TrimEnd());
        Assert.True(pairs.Count(p => p.Jaccard is >= 0.6 and < 0.95) >= 1000, "most pairs sit near the threshold");
        Assert.Equal(0, otherMatches);
        Assert.True(precision >= precisionFloor, $"precision {precision:F4}");
        Assert.True(recall >= recallFloor, $"recall {recall:F4}");
    }

    private static double Estimate(NearDuplicateIndex index, LabeledPair pair) =>
        index.Fingerprint(pair.First).Signature!.EstimateJaccard(index.Fingerprint(pair.Second).Signature!);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
