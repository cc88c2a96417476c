namespace Sessions.Validator.Augmentation;

/// <summary>
/// Makes EDA copies of one example's user turn (assistant replies are never rewritten). As in the reference
/// implementation, each copy comes from one operation, with alpha·words changes (at least one), and the
/// operations share the copies equally in a shuffled order; unlike it, copies equal to the parent or to each other
/// are not returned, so a turn may get fewer copies than asked. The random sequence is seeded by
/// <see cref="AugmentationOptions.Seed"/> and the parent's id: the same example always gets the same copies.
/// </summary>
public sealed class EdaAugmenter(SynonymLexicon lexicon, AugmentationOptions options)
{
    private static readonly AugmentationOperation[] Operations =
    [
        AugmentationOperation.SynonymReplacement, AugmentationOperation.RandomInsertion,
        AugmentationOperation.RandomSwap, AugmentationOperation.RandomDeletion,
    ];

    private readonly EdaSchedule _schedule = new(options.Schedule);

    public EdaAugmenter(AugmentationOptions options)
        : this(SynonymLexicon.WordNet, options)
    {
    }

    public EdaSchedule Schedule => _schedule;

    /// <summary>Copies for a dataset of <paramref name="originalExamples"/> examples, by <see cref="Schedule"/>.</summary>
    public IReadOnlyList<AugmentedCopy> Augment(long parentId, string userText, int originalExamples) =>
        Augment(parentId, userText, _schedule.For(originalExamples));

    public IReadOnlyList<AugmentedCopy> Augment(long parentId, string userText, EdaParameters parameters)
    {
        var wanted = Math.Min(parameters.Copies, options.MaxCopiesPerExample);
        if (!options.Enabled || wanted <= 0 || string.IsNullOrWhiteSpace(userText))
        {
            return [];
        }

        var original = WordSequence.Parse(userText);
        if (original.Count == 0)
        {
            return [];   // emoji, punctuation or symbols only: nothing EDA can work on
        }

        var random = new Random(SeedFor(parentId));
        var changes = Math.Max(1, (int)(parameters.Alpha * original.Count));
        var candidates = original.Tokens
            .Select(t => t.Word.ToLowerInvariant())
            .Where(w => !EdaStopWords.Contains(w) && lexicon.SynonymsOf(w).Count > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var plan = Operations.SelectMany(op => Enumerable.Repeat(op, (wanted / 4) + 1)).ToArray();
        random.Shuffle(plan);

        var seen = new HashSet<string>(StringComparer.Ordinal) { userText };
        var copies = new List<AugmentedCopy>(wanted);
        // A second and third pass over the plan stand in for duplicates and operations that could not apply.
        for (var attempt = 0; copies.Count < wanted && attempt < plan.Length * 3; attempt++)
        {
            var operation = plan[attempt % plan.Length];
            var text = operation switch
            {
                AugmentationOperation.SynonymReplacement => EdaOperations.ReplaceSynonyms(original, candidates, changes, random, lexicon),
                AugmentationOperation.RandomInsertion => EdaOperations.InsertSynonyms(original, candidates, changes, random, lexicon),
                AugmentationOperation.RandomSwap => EdaOperations.SwapWords(original, changes, random),
                _ => EdaOperations.DeleteWords(original, parameters.Alpha, random),
            };
            if (text is not null && seen.Add(text))
            {
                copies.Add(new AugmentedCopy(parentId, text, operation));
            }
        }

        return copies;
    }

    // SplitMix64 finalizer over (seed, id): neighbouring ids get unrelated sequences, and nothing depends on
    // string.GetHashCode, which changes from process to process.
    private int SeedFor(long parentId)
    {
        var z = ((ulong)(uint)options.Seed << 32) ^ (ulong)parentId;
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}
