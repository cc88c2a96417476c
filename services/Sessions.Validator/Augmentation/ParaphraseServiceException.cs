namespace Sessions.Validator.Augmentation;

/// <summary>The paraphrase endpoint refused the request, did not answer in time or answered something unreadable.</summary>
public sealed class ParaphraseServiceException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
