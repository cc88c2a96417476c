namespace Sessions.Contracts;

/// <summary>
/// Import a contributed data set into <paramref name="ModelName"/>'s examples, all or nothing.
/// <paramref name="IntegrationId"/> makes it idempotent: a redelivery of a committed integration republishes its event.
/// </summary>
public record IntegrateContributedData(
    Guid IntegrationId,
    string ModelName,
    string Source,
    string? Format,
    string MergeStrategy,
    double? Weight,
    bool Dedupe,
    int? ShuffleSeed,
    string? SchemaPath,
    bool DryRun,
    string RequestedBy);
