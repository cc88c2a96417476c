namespace Sessions.Embeddings;

/// <summary>The embeddings endpoint refused the request or kept failing after every retry.</summary>
public sealed class EmbeddingServiceException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
