using System.IO.Compression;

namespace Sessions.Validator.Augmentation;

/// <summary>
/// Single-word synonyms by word, from WordNet 3.0 (derived by scripts/build-synonyms.sh, embedded with its license,
/// so nothing is installed at run time). A word missing as written is looked up by its base form too ("errors" →
/// "error"), with WordNet's own suffix rules, as NLTK's <c>wordnet.synsets</c> does for the EDA reference code;
/// the synonyms then come in the base form.
/// </summary>
public sealed class SynonymLexicon
{
    private const string ResourceName = "Sessions.Validator.Augmentation.wordnet-synonyms.txt.gz";

    // WordNet's morphy detachment rules for nouns, verbs and adjectives (wndb(5WN), morphy(7WN)), in its order.
    private static readonly (string Suffix, string Ending)[] BaseFormRules =
    [
        ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"),
        ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
    ];

    private static readonly Lazy<SynonymLexicon> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, string[]> _synonyms;

    private SynonymLexicon(Dictionary<string, string[]> synonyms) => _synonyms = synonyms;

    /// <summary>The embedded WordNet lexicon, read once on first use; safe to share between threads.</summary>
    public static SynonymLexicon WordNet => Embedded.Value;

    /// <summary>How many words have synonyms.</summary>
    public int Count => _synonyms.Count;

    /// <summary>Reads lines of <c>word&lt;TAB&gt;synonym synonym ...</c>.</summary>
    public static SynonymLexicon Read(TextReader reader)
    {
        var synonyms = new Dictionary<string, string[]>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab > 0)
            {
                synonyms[line[..tab]] = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return new SynonymLexicon(synonyms);
    }

    /// <summary>Synonyms of <paramref name="word"/> in lower case, most common senses first; empty when there are none.</summary>
    public IReadOnlyList<string> SynonymsOf(string word)
    {
        var lower = word.ToLowerInvariant();
        if (_synonyms.TryGetValue(lower, out var synonyms))
        {
            return synonyms;
        }

        foreach (var (suffix, ending) in BaseFormRules)
        {
            if (lower.Length > suffix.Length + 1 && lower.EndsWith(suffix, StringComparison.Ordinal)
                && _synonyms.TryGetValue(string.Concat(lower.AsSpan(0, lower.Length - suffix.Length), ending), out synonyms))
            {
                return synonyms.Where(s => s != lower).ToArray();
            }
        }

        return [];
    }

    private static SynonymLexicon LoadEmbedded()
    {
        using var stream = typeof(SynonymLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing; run scripts/build-synonyms.sh");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        return Read(reader);
    }
}
