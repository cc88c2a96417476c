using Microsoft.Extensions.Configuration;
using Sessions.Text.Redaction;

namespace Sessions.UnitTests.Redaction;

public class RedactionConfigurationTests
{
    [Fact]
    public void The_Redaction_section_is_read()
    {
        var options = RedactionConfiguration.Read(Config(("Redaction:Phone", "false")));

        Assert.False(options.Phone);
        Assert.True(options.Email);
    }

    [Fact]
    public void The_old_Processor_Redaction_section_is_still_read()
    {
        Assert.False(RedactionConfiguration.Read(Config(("Processor:Redaction:Enabled", "false"))).Enabled);
    }

    [Fact]
    public void Without_either_section_every_type_is_redacted()
    {
        var options = RedactionConfiguration.Read(Config());

        Assert.True(options.Enabled && options.Email && options.Phone && options.CreditCard && options.IpAddress && options.Iban);
    }

    [Fact]
    public void Both_sections_at_once_is_an_error_that_names_the_new_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            RedactionConfiguration.Read(Config(("Redaction:Enabled", "true"), ("Processor:Redaction:Enabled", "false"))));

        Assert.Contains("'Redaction'", error.Message);
    }

    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();
}
