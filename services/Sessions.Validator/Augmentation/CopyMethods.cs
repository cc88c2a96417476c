namespace Sessions.Validator.Augmentation;

/// <summary>The stored names of <see cref="AugmentationOperation"/>, and <c>none</c> for a parent that got no copy.</summary>
public static class CopyMethods
{
    public const string None = "none";

    public static string Of(AugmentationOperation operation) => operation switch
    {
        AugmentationOperation.SynonymReplacement => "synonym_replacement",
        AugmentationOperation.RandomInsertion => "random_insertion",
        AugmentationOperation.RandomSwap => "random_swap",
        AugmentationOperation.RandomDeletion => "random_deletion",
        _ => "paraphrase",
    };
}
