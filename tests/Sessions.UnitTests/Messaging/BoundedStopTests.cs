using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sessions.ServiceDefaults;

namespace Sessions.UnitTests.Messaging;

/// <summary>
/// Every service's endpoints stop within a bound: without one, a delivery that never finished after the broker went
/// away kept the endpoint from reconnecting (the RabbitMQ restart fault test found it).
/// </summary>
public sealed class BoundedStopTests
{
    [Fact]
    public void Endpoints_cancel_consumers_after_10_s_and_give_up_waiting_after_20_s_by_default()
    {
        var host = HostOptions(new Dictionary<string, string?>());

        Assert.Equal(TimeSpan.FromSeconds(10), host.ConsumerStopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), host.StopTimeout);
    }

    [Fact]
    public void The_bounds_come_from_configuration()
    {
        var host = HostOptions(new Dictionary<string, string?>
        {
            ["Messaging:ConsumerStopTimeout"] = "00:00:03",
            ["Messaging:StopTimeout"] = "00:00:07",
        });

        Assert.Equal(TimeSpan.FromSeconds(3), host.ConsumerStopTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), host.StopTimeout);
    }

    [Theory]
    [InlineData("00:00:30", "00:00:20")]
    [InlineData("00:00:00", "00:00:20")]
    [InlineData("-00:00:01", "00:00:20")]
    public void A_consumer_bound_longer_than_the_stop_bound_or_not_positive_is_refused_by_name(string consumerStop, string stop)
    {
        var error = Assert.Throws<InvalidOperationException>(() => HostOptions(new Dictionary<string, string?>
        {
            ["Messaging:ConsumerStopTimeout"] = consumerStop,
            ["Messaging:StopTimeout"] = stop,
        }));

        Assert.Contains("Messaging:ConsumerStopTimeout", error.Message);
        Assert.Contains("Messaging:StopTimeout", error.Message);
    }

    private static MassTransitHostOptions HostOptions(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSessionsMessaging(configuration, _ => { });
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<MassTransitHostOptions>>().Value;
    }
}
