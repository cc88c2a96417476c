namespace Sessions.Validator.Quality;

/// <summary>
/// What the quality checks look at for one example. <paramref name="Text"/> is the example's text as the model will
/// see it (its messages' contents joined by newlines); <paramref name="TokenCount"/> is the stored token count;
/// <paramref name="Embedding"/> is null when the example has none yet (the embedding checks are then skipped).
/// </summary>
public sealed record QualityInput(string Text, int TokenCount, float[]? Embedding = null);
