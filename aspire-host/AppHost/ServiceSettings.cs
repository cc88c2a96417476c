using Microsoft.Extensions.Configuration;

namespace Sessions.AppHost;

/// <summary>Bound from the <c>Services</c> section: how many copies of each service run (competing consumers on one queue).</summary>
public sealed class ServiceSettings
{
    public const string SectionName = "Services";

    public int ProcessorReplicas { get; set; } = 1;
    public int ValidatorReplicas { get; set; } = 1;
    public int TrainerReplicas { get; set; } = 1;

    /// <summary>Extra environment for every service and admin step (e.g. <c>Embeddings__Provider</c>).</summary>
    public Dictionary<string, string> Environment { get; set; } = [];

    public static ServiceSettings From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<ServiceSettings>() ?? new ServiceSettings();

    public string? Problem() =>
        new[] { ProcessorReplicas, ValidatorReplicas, TrainerReplicas }.Any(n => n is < 1 or > 16)
            ? "Services:ProcessorReplicas, ValidatorReplicas and TrainerReplicas must each be 1 to 16"
            : null;
}
