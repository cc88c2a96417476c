using System.Globalization;
using Sessions.Validator.Quality;
using static Sessions.UnitTests.Quality.QualityTestInputs;

namespace Sessions.UnitTests.Quality;

public class ChatQualityLabeledSetTests
{
    [Fact]
    public void The_score_separates_good_chat_turns_from_junk()
    {
        var scorer = new QualityScorer(new QualityOptions());
        var state = new ModelQualityState();
        var good = ChatQualityLabeledSet.Good.Select(t => (Text: t, Assessment: scorer.Assess(Of(t), state))).ToList();
        var junk = ChatQualityLabeledSet.Junk.Select(t => (Text: t, Assessment: scorer.Assess(Of(t), state))).ToList();

        // "Positive" is a rejection: precision = rejected junk / all rejected, recall = rejected junk / all junk.
        var rejectedJunk = junk.Count(j => !j.Assessment.Accepted);
        var rejectedGood = good.Count(g => !g.Assessment.Accepted);
        var precision = (double)rejectedJunk / Math.Max(1, rejectedJunk + rejectedGood);
        var recall = (double)rejectedJunk / junk.Count;
        var codes = junk.Concat(good).Where(x => !x.Assessment.Accepted).SelectMany(x => x.Assessment.Codes)
            .GroupBy(c => c).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}={g.Count()}");
        string[] lines =
        [
            $"labeled set: {good.Count} good chat turns, {junk.Count} junk (empty corpus state)",
            $"reject precision {precision.ToString("0.000", CultureInfo.InvariantCulture)}, reject recall {recall.ToString("0.000", CultureInfo.InvariantCulture)}",
            $"good rejected: {rejectedGood}; junk accepted: {junk.Count - rejectedJunk}",
            $"codes on rejected: {string.Join(", ", codes)}",
            .. good.Where(g => !g.Assessment.Accepted).Select(g => $"  good rejected: {g.Text} -> {string.Join(",", g.Assessment.Codes)}"),
            .. junk.Where(j => j.Assessment.Accepted).Select(j => $"  junk accepted: {j.Text} -> {j.Assessment.Score}"),
        ];
        var report = string.Join(Environment.NewLine, lines);
        TestReports.Write("quality-score", report);

        Assert.True(good.Count >= 60 && junk.Count >= 60, report);
        Assert.True(precision >= 0.95, report);
        Assert.True(recall >= 0.95, report);
        Assert.All(junk.Where(j => !j.Assessment.Accepted), j => Assert.Contains(QualityCodes.LowQualityScore, j.Assessment.Codes));
    }
}
