using System.Text;
using System.Text.RegularExpressions;

namespace Sessions.Validator.Augmentation;

/// <summary>A word of a user turn and the text up to the next word (spaces, punctuation, line breaks).</summary>
internal readonly record struct WordToken(string Word, string After);

/// <summary>
/// A user turn as words and the text between them. EDA's reference code lowercases the text and throws punctuation
/// away; here the operations move, add and drop words only, so casing, punctuation and line breaks survive, and
/// what carries the meaning is not a word here and is never touched: redaction placeholders (<c>&lt;EMAIL&gt;</c>),
/// code, links, e-mail addresses, numbers and names (a capitalized word inside a sentence).
/// </summary>
internal sealed partial class WordSequence
{
    private static readonly System.Buffers.SearchValues<char> VerbatimMarks = System.Buffers.SearchValues.Create("`@/<0123456789");
    private static readonly char[] LeadingPunctuation = [',', '.', ';', ':', '!', '?', '-', '–', '—', ')', ']', '}', '\'', '"', '’', '”'];

    private WordSequence(string prefix, List<WordToken> tokens)
    {
        Prefix = prefix;
        Tokens = tokens;
    }

    /// <summary>Whatever precedes the first word.</summary>
    public string Prefix { get; }

    public List<WordToken> Tokens { get; }

    public int Count => Tokens.Count;

    public static WordSequence Parse(string text)
    {
        // Most turns hold no code, link or address; skip looking for them then.
        var verbatim = text.AsSpan().IndexOfAny(VerbatimMarks) >= 0 || text.Contains("www.", StringComparison.OrdinalIgnoreCase)
            ? VerbatimPattern().Matches(text)
            : null;
        var matches = new List<Match>();
        var next = 0;
        foreach (Match word in WordPattern().Matches(text))
        {
            while (verbatim is not null && next < verbatim.Count && verbatim[next].Index + verbatim[next].Length <= word.Index)
            {
                next++;
            }

            if ((verbatim is null || next == verbatim.Count || verbatim[next].Index >= word.Index + word.Length) && !IsName(text, word))
            {
                matches.Add(word);
            }
        }

        if (matches.Count == 0)
        {
            return new WordSequence(text, []);
        }

        var tokens = new List<WordToken>(matches.Count);
        for (var i = 0; i < matches.Count; i++)
        {
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var afterStart = matches[i].Index + matches[i].Length;
            tokens.Add(new WordToken(matches[i].Value, text[afterStart..end]));
        }

        return new WordSequence(text[..matches[0].Index], tokens);
    }

    /// <summary>A capitalized word that does not open a sentence ("ask Maria", "on Debian"); "I" is a word.</summary>
    private static bool IsName(string text, Match word)
    {
        if (!char.IsUpper(word.Value[0]) || word.Value == "I")
        {
            return false;
        }

        for (var i = word.Index - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' or '\n' or ':' or ';')
            {
                return false;
            }

            if (!char.IsWhiteSpace(c) && c is not '"' and not '\'' and not '(' and not '“' and not '‘')
            {
                return true;
            }
        }

        return false; // the first word of the text
    }

    public WordSequence Copy() => new(Prefix, [.. Tokens]);

    /// <summary>Inserts a word before position <paramref name="index"/>; at the end it takes over the closing punctuation.</summary>
    public void Insert(int index, string word)
    {
        if (index < Count)
        {
            Tokens.Insert(index, new WordToken(word, " "));
            return;
        }

        var last = Tokens[^1];
        Tokens[^1] = last with { After = " " };
        Tokens.Add(new WordToken(word, last.After));
    }

    /// <summary>Keeps the words where <paramref name="keep"/> is true; a dropped word's separator merges into the one before.</summary>
    public WordSequence Where(bool[] keep)
    {
        var prefix = Prefix;
        var kept = new List<WordToken>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (keep[i])
            {
                kept.Add(Tokens[i]);
            }
            else if (kept.Count > 0)
            {
                kept[^1] = kept[^1] with { After = MergeSeparators(kept[^1].After, Tokens[i].After) };
            }
            else
            {
                // A dropped opening word takes its punctuation along ("Hi! How" → "How") but leaves emoji and symbols.
                prefix += Tokens[i].After.TrimStart().TrimStart(LeadingPunctuation).TrimStart();
            }
        }

        return new WordSequence(prefix, kept);
    }

    public string Render()
    {
        var text = new StringBuilder(Prefix);
        foreach (var token in Tokens)
        {
            text.Append(token.Word).Append(token.After);
        }

        return text.ToString();
    }

    /// <summary>Gives <paramref name="replacement"/> the casing of <paramref name="original"/> (UPPER, Title or lower).</summary>
    public static string MatchCasing(string original, string replacement)
    {
        if (original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return replacement.ToUpperInvariant();
        }

        return char.IsUpper(original[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;
    }

    // "are you?" without "you" is "are?"; "Hello, how are" without "how" is "Hello, are"; a line break outlives a space.
    private static string MergeSeparators(string before, string dropped)
    {
        var beforeBlank = string.IsNullOrWhiteSpace(before);
        if (dropped.Length == 0)
        {
            return beforeBlank ? "" : before.TrimEnd();   // the dropped word ended the text
        }

        var droppedBlank = string.IsNullOrWhiteSpace(dropped);
        if (beforeBlank && droppedBlank)
        {
            return dropped.Contains('\n') && !before.Contains('\n') ? dropped : before;
        }

        if (beforeBlank)
        {
            return dropped;
        }

        // Both hold punctuation: keep the earlier, unless the dropped one carries code, a link or an emoji.
        return dropped.All(c => char.IsWhiteSpace(c) || char.IsPunctuation(c)) ? before : before.TrimEnd() + dropped;
    }

    // Code (fenced or inline), links, e-mail addresses, redaction placeholders and anything holding a digit (numbers,
    // versions, ids): left exactly as written, their words are not words here.
    [GeneratedRegex(@"```[\s\S]*?(?:```|$)|`[^`\n]+`|\b(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|<[A-Z][A-Z0-9_]*>|[\p{L}\p{N}_.,:/'’-]*\d[\p{L}\p{N}_.,:/'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex VerbatimPattern();

    // Letters, marks and digits, with inner apostrophes or hyphens: "don't", "e-mail", "GPT4", "שלום".
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
