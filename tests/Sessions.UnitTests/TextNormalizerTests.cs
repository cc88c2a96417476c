using System.Text;
using Sessions.Text;

namespace Sessions.UnitTests;

/// <summary>The buffer-built normalizer must give exactly what the StringBuilder form gave, at any length.</summary>
public class TextNormalizerTests
{
    public static TheoryData<string> Texts() => new()
    {
        "",
        "already normal",
        "  Leading and trailing  ",
        "Tabs\tand\nnew\r\nlines   collapse",
        "ＦＵＬＬ width and ﬁ ligature",
        "Grüße, ΚΑΛΗΜΕΡΑ, Привет",
        "a lone surrogate \ud800 stays",
        "emoji 😀👍🏽 and zero\u200Bwidth",
        new string('x', 256),
        new string('X', 257) + "  tail",
        string.Join("  ", Enumerable.Repeat("Long Text With Spaces", 100)),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Normalizes_as_the_StringBuilder_form_did(string text)
    {
        Assert.Equal(Reference(text), TextNormalizer.Normalize(text));
    }

    [Fact]
    public void A_text_already_in_normal_form_comes_back_as_it_is()
    {
        const string text = "nothing to change here";

        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    private static string Reference(string text)
    {
        string normalized;
        try
        {
            normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            normalized = text;
        }

        var builder = new StringBuilder();
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
