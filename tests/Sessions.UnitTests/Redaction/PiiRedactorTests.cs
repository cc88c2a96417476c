using System.Diagnostics;
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
        var types = Enum.GetValues<PiiType>();
        var (tp, fp, fn) = (new Dictionary<PiiType, int>(), new Dictionary<PiiType, int>(), new Dictionary<PiiType, int>());
        var misses = new List<string>();
        foreach (var item in set)
        {
            var result = _redactor.Redact(item.Text);
            foreach (var type in types)
            {
                var expected = item.Counts.GetValueOrDefault(type);
                var found = result.Counts.GetValueOrDefault(type);
                tp[type] = tp.GetValueOrDefault(type) + Math.Min(expected, found);
                fp[type] = fp.GetValueOrDefault(type) + Math.Max(0, found - expected);
                fn[type] = fn.GetValueOrDefault(type) + Math.Max(0, expected - found);
                if (expected != found)
                {
                    misses.Add($"{type} expected {expected} found {found}: {item.Text} -> {result.Text}");
                }
            }
        }

        var negatives = set.Count(c => c.Expected.Length == 0);
        var lines = new List<string> { $"PII redaction on {set.Count} labeled strings ({negatives} without PII):" };
        foreach (var type in types)
        {
            lines.Add($"  {type,-10} precision {Precision(type):0.000}  recall {Recall(type):0.000}  (tp {tp[type]}, fp {fp[type]}, fn {fn[type]})");
        }

        var (allTp, allFp, allFn) = (tp.Values.Sum(), fp.Values.Sum(), fn.Values.Sum());
        var precision = Ratio(allTp, allTp + allFp);
        var recall = Ratio(allTp, allTp + allFn);
        lines.Add($"  overall    precision {precision:0.000}  recall {recall:0.000}  (tp {allTp}, fp {allFp}, fn {allFn})");
        lines.AddRange(misses.Select(m => "  miss: " + m));
        var report = string.Join(Environment.NewLine, lines);
        output.WriteLine(report);
        TestReports.Write("pii-redaction", report);

        Assert.True(set.Count >= 200, $"{set.Count} strings");
        Assert.True(negatives >= 90, $"{negatives} strings without PII");
        Assert.True(precision >= 0.95, $"overall precision {precision:0.000} < 0.95{Environment.NewLine}{report}");
        Assert.True(recall >= 0.95, $"overall recall {recall:0.000} < 0.95{Environment.NewLine}{report}");
        Assert.All(types, t => Assert.True(Precision(t) >= 0.9 && Recall(t) >= 0.9,
            $"{t}: precision {Precision(t):0.000}, recall {Recall(t):0.000} (need 0.9){Environment.NewLine}{report}"));

        double Precision(PiiType t) => Ratio(tp[t], tp[t] + fp[t]);
        double Recall(PiiType t) => Ratio(tp[t], tp[t] + fn[t]);
    }

    public static TheoryData<string> VersionsAndLookalikes() => [.. PiiLabeledSet.Versions.Select(c => c.Text)];

    [Theory]
    [MemberData(nameof(VersionsAndLookalikes))]
    public void Versions_barcodes_and_phone_contexts_are_each_redacted_exactly_as_labeled(string text)
    {
        var expected = PiiLabeledSet.Versions.Single(c => c.Text == text).Counts;

        Assert.Equal(expected.OrderBy(p => p.Key), _redactor.Redact(text).Counts.OrderBy(p => p.Key));
    }

    [Fact]
    public void Values_become_typed_placeholders()
    {
        var result = _redactor.Redact("Write to jane.doe@example.com or +1 415 555 0134; card 4111 1111 1111 1111, ip 10.0.0.1, IBAN GB82WEST12345698765432.");

        Assert.Equal("Write to <EMAIL> or <PHONE>; card <CREDIT_CARD>, ip <IP_ADDRESS>, IBAN <IBAN>.", result.Text);
    }

    [Fact]
    public void Counts_are_per_type()
    {
        var result = _redactor.Redact("a@example.com, b@example.com, 10.0.0.1, 2001:db8::1, fe80::1, 5555 5555 5555 4444, call 020 7946 0958");

        Assert.Equal(2, result.Counts[PiiType.Email]);
        Assert.Equal(3, result.Counts[PiiType.IpAddress]);
        Assert.Equal(1, result.Counts[PiiType.CreditCard]);
        Assert.Equal(1, result.Counts[PiiType.Phone]);
        Assert.False(result.Counts.ContainsKey(PiiType.Iban));
        Assert.Equal(7, result.Total);
    }

    [Fact]
    public void Counts_add_up()
    {
        var sum = PiiRedactor.AddCounts(
            new Dictionary<PiiType, int> { [PiiType.Email] = 2, [PiiType.Phone] = 1 },
            new Dictionary<PiiType, int> { [PiiType.Email] = 1, [PiiType.Iban] = 3 });

        Assert.Equal(new Dictionary<PiiType, int> { [PiiType.Email] = 3, [PiiType.Phone] = 1, [PiiType.Iban] = 3 }, sum);
    }

    [Theory]
    [InlineData("card 4111 1111 1111 1112 please")]
    [InlineData("card 5500-0000-0000-0005 please")]
    [InlineData("card 378282246310006 please")]
    public void Numbers_failing_luhn_stay(string text) => AssertUnchanged(text);

    [Theory]
    [InlineData("IBAN DE89 3704 0044 0532 0130 01")]
    [InlineData("IBAN GB82WEST12345698765433")]
    [InlineData("IBAN FR1420041010050500013M02607")]
    public void Ibans_failing_mod_97_stay(string text) => AssertUnchanged(text);

    [Theory]
    [InlineData("999.1.1.1")]
    [InlineData("released 2026-11-22 as v10.0.401 at 10:30")]
    [InlineData("$1,299.00 for order #12345678")]
    [InlineData("thanks @jane_doe")]
    public void Lookalikes_stay(string text) => AssertUnchanged(text);

    [Fact]
    public void Disabled_options_leave_text_unchanged()
    {
        const string text = "jane.doe@example.com, 10.0.0.1, +44 20 7946 0958, 4111 1111 1111 1111, GB82WEST12345698765432";

        var off = new PiiRedactor(new RedactionOptions { Enabled = false }).Redact(text);
        Assert.Equal(text, off.Text);
        Assert.Equal(0, off.Total);

        var allTypesOff = new RedactionOptions { Email = false, Phone = false, CreditCard = false, IpAddress = false, Iban = false };
        Assert.Equal(text, new PiiRedactor(allTypesOff).Redact(text).Text);

        Assert.Equal(
            "jane.doe@example.com, <IP_ADDRESS>, <PHONE>, <CREDIT_CARD>, <IBAN>",
            new PiiRedactor(new RedactionOptions { Email = false }).Redact(text).Text);
    }

    [Theory]
    [InlineData("\ud800 jane.doe@example.com \udfff")]
    [InlineData("\udc00\ud800\ud800 4111 1111 1111 1111\ud800")]
    [InlineData("\u0000\u0007\u001b[2J\u0085\u2028 10.0.0.1\u0000")]
    [InlineData("")]
    public void Broken_text_does_not_throw(string text)
    {
        var result = _redactor.Redact(text);

        Assert.NotNull(result.Text);
        Assert.DoesNotContain("jane.doe@example.com", result.Text);
        Assert.DoesNotContain("4111 1111 1111 1111", result.Text);
        Assert.DoesNotContain("10.0.0.1", result.Text);
    }

    [Fact]
    public void Long_hostile_strings_do_not_throw_and_stay_fast()
    {
        var inputs = new[]
        {
            new string('1', 100_000),
            string.Concat(Enumerable.Repeat("a@", 50_000)),
            string.Concat(Enumerable.Repeat("1 ", 50_000)),
            string.Concat(Enumerable.Repeat("1.", 50_000)),
            string.Concat(Enumerable.Repeat("a:", 50_000)),
            string.Concat(Enumerable.Repeat("+1-", 33_334)),
            string.Concat(Enumerable.Repeat("DE89 ", 20_000)),
            string.Concat(Enumerable.Repeat("a.", 50_000)) + "@" + string.Concat(Enumerable.Repeat("b.", 50_000)),
            new string('\ud800', 100_000),
            string.Concat(Enumerable.Repeat("call +44 20 7946 0958, ", 4_400)),
        };

        foreach (var text in inputs)
        {
            var watch = Stopwatch.StartNew();
            var result = _redactor.Redact(text);
            output.WriteLine($"{text.Length,7} chars starting {text[..Math.Min(8, text.Length)].Replace("\ud800", "\\ud800")}: {watch.ElapsedMilliseconds} ms, {result.Total} found");
            Assert.NotNull(result.Text);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{watch.ElapsedMilliseconds} ms for a {text.Length}-character string");
        }
    }

    private void AssertUnchanged(string text)
    {
        var result = _redactor.Redact(text);
        Assert.Equal(text, result.Text);
        Assert.Equal(0, result.Total);
    }

    private static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
}
