namespace Sessions.Processor.Requirements;

/// <summary>Text that cannot be stored or tokenized faithfully.</summary>
public static class TextChecks
{
    /// <summary>Position of the first high surrogate without a low one after it (or a low one alone); null when well formed.</summary>
    public static int? FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Position of the first C0/C1 control character other than tab, line feed and carriage return.</summary>
    public static int? FirstControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return i;
            }
        }

        return null;
    }
}
