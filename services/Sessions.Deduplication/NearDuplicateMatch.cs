namespace Sessions.Deduplication;

/// <summary>The most similar accepted example at or above the threshold.</summary>
public sealed record NearDuplicateMatch(long ExampleId, double EstimatedJaccard);
