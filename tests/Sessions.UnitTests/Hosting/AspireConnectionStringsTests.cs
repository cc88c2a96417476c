using Microsoft.Extensions.Configuration;
using Sessions.ServiceDefaults;

namespace Sessions.UnitTests.Hosting;

/// <summary>The connection strings an Aspire AppHost passes by reference become the services' Database and Messaging settings.</summary>
public sealed class AspireConnectionStringsTests
{
    [Fact]
    public void A_referenced_database_makes_the_service_use_PostgreSQL_with_that_connection_string()
    {
        var settings = Translate(new() { ["ConnectionStrings:sessions-db"] = "Host=127.0.0.1;Port=54400;Username=sessions;Password=p;Database=sessions" });

        Assert.Equal("Postgres", settings["Database:Provider"]);
        Assert.Equal("Host=127.0.0.1;Port=54400;Username=sessions;Password=p;Database=sessions", settings["Database:ConnectionString"]);
    }

    [Fact]
    public void A_referenced_broker_URI_becomes_host_port_credentials_and_virtual_host()
    {
        var settings = Translate(new() { ["ConnectionStrings:messaging"] = "amqp://guest:p%40ss@127.0.0.1:5690/sessions%2Ftest" });

        Assert.Equal("RabbitMq", settings["Messaging:Transport"]);
        Assert.Equal("127.0.0.1", settings["Messaging:RabbitMq:Host"]);
        Assert.Equal("5690", settings["Messaging:RabbitMq:Port"]);
        Assert.Equal("guest", settings["Messaging:RabbitMq:Username"]);
        Assert.Equal("p@ss", settings["Messaging:RabbitMq:Password"]);
        Assert.Equal("sessions/test", settings["Messaging:RabbitMq:VirtualHost"]);
    }

    [Fact]
    public void A_broker_URI_without_port_or_virtual_host_takes_AMQP_defaults()
    {
        var settings = Translate(new() { ["ConnectionStrings:messaging"] = "amqp://localhost" });

        Assert.Equal("5672", settings["Messaging:RabbitMq:Port"]);
        Assert.Equal("/", settings["Messaging:RabbitMq:VirtualHost"]);
        Assert.False(settings.ContainsKey("Messaging:RabbitMq:Username"));
    }

    [Fact]
    public void Without_references_nothing_changes()
    {
        Assert.Empty(Translate([]));
    }

    [Fact]
    public void A_broker_connection_string_that_is_not_an_AMQP_URI_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Translate(new() { ["ConnectionStrings:messaging"] = "Host=rabbit" }));

        Assert.Contains("ConnectionStrings:messaging", error.Message);
    }

    private static Dictionary<string, string?> Translate(Dictionary<string, string?> settings) =>
        AspireConnectionStrings.Settings(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
