using Sessions.Text.Redaction;
using Xunit.Abstractions;

namespace Sessions.UnitTests.Redaction;

public class PiiRedactorTests(ITestOutputHelper output)
{
    private readonly PiiRedactor _redactor = new(new RedactionOptions());

    [Fact]
    public void Precision_and_recall_on_the_labeled_set()
    {
        var set = PiiLabeledSet.All().ToList();
        var tp = new Dictionary<PiiType, int>();
        var fp = new Dictionary<PiiType, int>();
        var fn = new Dictionary<PiiType, int>();
        var misses = new List<string>();
        foreach (var (text, expected) in set)
        {
            var found = _redactor.Redact(text).Counts;
            foreach (var type in Enum.GetValues<PiiType>())
            {
                var e = expected.GetValueOrDefault(type);
                var f = found.GetValueOrDefault(type);
                tp[type] = tp.GetValueOrDefault(type) + Math.Min(e, f);
                fp[type] = fp.GetValueOrDefault(type) + Math.Max(0, f - e);
                fn[type] = fn.GetValueOrDefault(type) + Math.Max(0, e - f);
                if (e != f)
                {
                    misses.Add($"{type} expected {e} found {f}: {text}");
                }
            }
        }

        var lines = new List<string> { $"PII redaction on {set.Count} labeled strings:" };
        foreach (var type in Enum.GetValues<PiiType>())
        {
            lines.Add($"  {type,-10} precision {Ratio(tp[type], tp[type] + fp[type]):0.000}  recall {Ratio(tp[type], tp[type] + fn[type]):0.000}  (tp {tp[type]}, fp {fp[type]}, fn {fn[type]})");
        }

        var (allTp, allFp, allFn) = (tp.Values.Sum(), fp.Values.Sum(), fn.Values.Sum());
        var precision = Ratio(allTp, allTp + allFp);
        var recall = Ratio(allTp, allTp + allFn);
        lines.Add($"  overall    precision {precision:0.000}  recall {recall:0.000}");
        lines.AddRange(misses.Select(m => "  miss: " + m));
        var report = string.Join(Environment.NewLine, lines);
        output.WriteLine(report);
        TestReports.Write("pii-redaction", report);

        Assert.True(set.Count >= 200, $"{set.Count} strings");
        Assert.True(precision >= 0.95 && recall >= 0.95, report);
        Assert.All(Enum.GetValues<PiiType>(), t => Assert.True(
            Ratio(tp[t], tp[t] + fp[t]) >= 0.9 && Ratio(tp[t], tp[t] + fn[t]) >= 0.9, report));
    }

    [Fact]
    public void Values_become_typed_placeholders_and_are_counted()
    {
        var result = _redactor.Redact("Write to jane.doe@example.com or +1 415 555 0134; card 4111 1111 1111 1111, ip 10.0.0.1, IBAN GB82WEST12345698765432.");

        Assert.Equal("Write to <EMAIL> or <PHONE>; card <CREDIT_CARD>, ip <IP_ADDRESS>, IBAN <IBAN>.", result.Text);
        Assert.Equal(5, result.Total);
        Assert.All(Enum.GetValues<PiiType>(), t => Assert.Equal(1, result.Counts[t]));
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")]          // fails Luhn
    [InlineData("DE89 3704 0044 0532 0130 01")]  // fails mod 97
    [InlineData("999.1.1.1")]
    [InlineData("released 2026-11-22 as v10.0.401")]
    public void Lookalikes_stay(string text) => Assert.Equal(text, _redactor.Redact(text).Text);

    [Fact]
    public void Switched_off_it_changes_nothing()
    {
        const string text = "jane.doe@example.com 10.0.0.1";
        Assert.Equal(text, new PiiRedactor(new RedactionOptions { Enabled = false }).Redact(text).Text);
        Assert.Equal("jane.doe@example.com <IP_ADDRESS>", new PiiRedactor(new RedactionOptions { Email = false }).Redact(text).Text);
    }

    [Fact]
    public void Hostile_text_never_throws()
    {
        foreach (var text in new[] { "\ud800 jane.doe@example.com \udfff", "\u0000\u0007\u001b[2J", new string('1', 100_000), string.Concat(Enumerable.Repeat("a@", 50_000)), "" })
        {
            var result = _redactor.Redact(text);
            Assert.NotNull(result.Text);
        }
    }

    private static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
}
