namespace Sessions.Contracts;

/// <summary>
/// The trainer asks the augmentor for the augmented copies of a run's snapshot: the accepted examples
/// <see cref="ExampleIds"/> of <see cref="ModelName"/>, made with <see cref="Seed"/>. Answered by <see cref="SnapshotAugmented"/>.
/// </summary>
public record AugmentSnapshot(Guid RunId, string ModelName, IReadOnlyList<long> ExampleIds, int Seed);
