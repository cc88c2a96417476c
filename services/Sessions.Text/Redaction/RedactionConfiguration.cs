using Microsoft.Extensions.Configuration;

namespace Sessions.Text.Redaction;

/// <summary>
/// Reads <see cref="RedactionOptions"/> from their own <c>Redaction</c> section, which every stage that redacts
/// (the processor, contributed-data import) shares. The old <c>Processor:Redaction</c> section is still read when the
/// new one is absent; both at once is a start-up error that names the key to keep.
/// </summary>
public static class RedactionConfiguration
{
    public const string SectionName = "Redaction";
    public const string LegacySectionName = "Processor:Redaction";

    public static RedactionOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var legacy = configuration.GetSection(LegacySectionName);
        if (section.Exists() && legacy.Exists())
        {
            throw new InvalidOperationException(
                $"Redaction is configured twice: '{LegacySectionName}' is the old name of '{SectionName}'. Move its keys to '{SectionName}' and remove '{LegacySectionName}'.");
        }

        return (section.Exists() ? section : legacy).Get<RedactionOptions>() ?? new RedactionOptions();
    }
}
