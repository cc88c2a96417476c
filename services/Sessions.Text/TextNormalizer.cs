using System.Text;

namespace Sessions.Text;

/// <summary>Case-folded, NFKC, whitespace collapsed: two texts that differ only in these ways are the same text.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var normalized = SafeNormalize(text);
        var builder = new StringBuilder(normalized.Length);
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

    // Normalization throws on lone surrogates; such text is hashed as it is.
    private static string SafeNormalize(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
