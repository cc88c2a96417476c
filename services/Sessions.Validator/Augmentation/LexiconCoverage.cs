namespace Sessions.Validator.Augmentation;

/// <summary>
/// The share of a text's rewritable words the English synonym list knows (as a word with synonyms or as a stop word).
/// German, Chinese and other languages score low: their copies would be rewritten with English words, so they get none.
/// </summary>
public static class LexiconCoverage
{
    public static double Of(string text, SynonymLexicon lexicon)
    {
        var words = WordSequence.Parse(text).Tokens.Select(t => t.Word.ToLowerInvariant()).ToList();
        return words.Count == 0 ? 0 : words.Count(w => EdaStopWords.Contains(w) || lexicon.SynonymsOf(w).Count > 0) / (double)words.Count;
    }

    public static int RewritableWords(string text) => WordSequence.Parse(text).Count;
}
