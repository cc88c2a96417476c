namespace Sessions.Validator.Augmentation;

/// <summary>
/// Rewrites a user turn in other words (a paraphrasing model, or back-translation through a pivot language).
/// Optional and off by default; a result equal to the input is not a copy. Failures throw <see cref="ParaphraseServiceException"/>.
/// </summary>
public interface IParaphraser
{
    Task<string> ParaphraseAsync(string userText, CancellationToken cancellationToken = default);
}

/// <summary>The paraphrase endpoint refused the request, did not answer in time or answered something unreadable.</summary>
public sealed class ParaphraseServiceException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
