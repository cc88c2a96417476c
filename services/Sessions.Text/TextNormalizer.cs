using System.Buffers;
using System.Text;

namespace Sessions.Text;

/// <summary>Case-folded, NFKC, whitespace collapsed: two texts that differ only in these ways are the same text.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var normalized = SafeNormalize(text);
        // The result is never longer than the input: built in a pooled buffer, and a text that is already in normal
        // form comes back as it is (the validator normalizes the same short texts many times per session).
        var rented = normalized.Length <= 256 ? null : ArrayPool<char>.Shared.Rent(normalized.Length);
        var buffer = rented is null ? stackalloc char[normalized.Length] : rented.AsSpan(0, normalized.Length);
        var length = 0;
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        var result = buffer[..length];
        var value = result.SequenceEqual(normalized) ? normalized : new string(result);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return value;
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
