namespace Sessions.Validator.Augmentation;

/// <summary>How an augmented copy was made from its parent's user turn.</summary>
public enum AugmentationOperation
{
    SynonymReplacement,
    RandomInsertion,
    RandomSwap,
    RandomDeletion,
    Paraphrase,
}
