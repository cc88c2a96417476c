namespace Sessions.Contracts;

/// <summary>A contributed data set was committed; <see cref="RejectedByCode"/> counts rejected rows per code.</summary>
public record ContributedDataIntegrated(
    Guid IntegrationId,
    string ModelName,
    long RowsRead,
    long Accepted,
    long Rejected,
    long Duplicates,
    IReadOnlyDictionary<string, int> RejectedByCode);
