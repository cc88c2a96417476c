using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Trainer;
using Sessions.Contributions;

namespace Sessions.UnitTests.Contributions;

/// <summary>Import settings that cannot work are refused at start-up, by name, not discovered in the middle of an import.</summary>
public sealed class ContributionOptionsTests
{
    [Fact]
    public void The_defaults_can_be_used()
    {
        Assert.Null(new ContributionOptions().Problem());
    }

    [Theory]
    [InlineData("BatchRows", "0")]
    [InlineData("SqliteCacheMebibytes", "0")]
    [InlineData("SqliteCacheMebibytes", "-5")]
    [InlineData("MinSequenceTokens", "0")]
    [InlineData("MaxSequenceTokens", "0")]
    [InlineData("TokensPerMessage", "-1")]
    [InlineData("EmbeddingModel", " ")]
    [InlineData("MaxListedRejections", "-1")]
    public void A_setting_that_cannot_work_is_refused_by_name(string setting, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{ContributionOptions.SectionName}:{setting}"] = value })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddContributionServices(configuration));

        Assert.Contains($"{ContributionOptions.SectionName}:{setting.Replace("MaxSequenceTokens", "MinSequenceTokens")}", error.Message);
    }
}
