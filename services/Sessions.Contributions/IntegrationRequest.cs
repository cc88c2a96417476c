using Sessions.Contracts;
using Sessions.Storage.Entities;

namespace Sessions.Contributions;

/// <summary>One import as asked for, by the admin tool or by <see cref="IntegrateContributedData"/>.</summary>
public sealed record IntegrationRequest(
    Guid IntegrationId,
    string ModelName,
    string Source,
    string? Format = null,
    string MergeStrategy = Storage.Entities.MergeStrategy.Append,
    double? Weight = null,
    bool Dedupe = false,
    int? ShuffleSeed = null,
    string? SchemaPath = null,
    bool DryRun = false,
    string RequestedBy = "unknown")
{
    public static IntegrationRequest From(IntegrateContributedData m) => new(
        m.IntegrationId, m.ModelName, m.Source, m.Format, m.MergeStrategy, m.Weight, m.Dedupe, m.ShuffleSeed, m.SchemaPath, m.DryRun, m.RequestedBy);

    /// <summary>What is wrong with the request itself (before anything is read), or null.</summary>
    public string? Problem()
    {
        if (IntegrationId == Guid.Empty) return "the integration id is empty";
        if (Sessions.Text.Names.ModelNames.Problem(ModelName) is { } badName) return $"invalid_model_name: {badName}";
        if (string.IsNullOrWhiteSpace(Source)) return "no source given; pass a file, a directory glob, a file:// or an http(s):// URL";
        if (!Storage.Entities.MergeStrategy.All.Contains(MergeStrategy))
            return $"unknown merge strategy '{MergeStrategy}'; use {string.Join(", ", Storage.Entities.MergeStrategy.All)}";
        if (MergeStrategy == Storage.Entities.MergeStrategy.Weighted && Weight is not (> 0 and < 1))
            return "the weighted merge needs a weight in (0, 1), the probability of taking a contributed example next (e.g. --weight 0.3)";
        if (MergeStrategy != Storage.Entities.MergeStrategy.Weighted && Weight is not null)
            return "a weight only applies to the weighted merge strategy";
        return null;
    }
}
