namespace Sessions.Validator.Quality;

/// <summary>Persistable state of <see cref="DocumentFrequencies"/>: document count and term -> document frequency.</summary>
public sealed record DocumentFrequencySnapshot(long DocumentCount, IReadOnlyDictionary<string, long> Frequencies);
