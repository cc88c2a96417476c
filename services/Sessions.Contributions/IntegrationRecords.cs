using Sessions.Datasets;
using Sessions.Storage.Entities;

namespace Sessions.Contributions;

/// <summary>Maps an integration request and its accepted rows to stored records.</summary>
public static class IntegrationRecords
{
    public static ExampleRecord Example(IntegrationRequest request, ContributedExample example, long number, DateTime now) => new()
    {
        SessionId = ContributedDataIntegration.SessionIdOf(request.IntegrationId, number),
        ModelName = request.ModelName,
        MessagesJson = example.MessagesJson,
        ContentHash = example.ContentHash,
        TokenCount = example.TokenCount,
        FirstMessageIndex = 0,
        LastMessageIndex = example.Messages.Count - 1,
        Status = ExampleStatus.Accepted,
        CreatedAt = now,
        ValidatedAt = now,
        Origin = ExampleOrigin.Contributed,
        IntegrationId = request.IntegrationId,
    };

    /// <summary>The configured reading options with this request's format, schema and shuffle seed.</summary>
    public static DatasetImportOptions ImportOptions(DatasetImportOptions importOptions, IntegrationRequest request) => new()
    {
        ImportRoots = importOptions.ImportRoots,
        Format = request.Format ?? importOptions.Format,
        MaxRowBytes = importOptions.MaxRowBytes,
        SchemaPath = request.SchemaPath ?? importOptions.SchemaPath,
        Csv = importOptions.Csv,
        Http = importOptions.Http,
        Embeddings = importOptions.Embeddings,
        ShuffleSeed = request.ShuffleSeed,
        ShuffleBufferRows = importOptions.ShuffleBufferRows,
    };

    private static string FormatOf(IntegrationRequest request)
    {
        var format = request.Format ?? Path.GetExtension(request.Source).TrimStart('.').ToLowerInvariant();
        return format.Length <= 16 ? format : format[..16];
    }

    public static IntegrationRecord Integration(IntegrationRequest request) => new()
    {
        Id = request.IntegrationId,
        ModelName = request.ModelName,
        Source = request.Source.Length <= 2000 ? request.Source : request.Source[..2000],
        Format = FormatOf(request),
        MergeStrategy = request.MergeStrategy,
        Weight = request.Weight,
        ShuffleSeed = request.ShuffleSeed,
        Dedupe = request.Dedupe,
        Status = IntegrationStatus.Running,
        RequestedBy = request.RequestedBy.Length <= 200 ? request.RequestedBy : request.RequestedBy[..200],
    };
}
