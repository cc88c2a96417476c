using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Contracts;
using Sessions.Storage;

namespace Sessions.IntegrationTests.Infrastructure;

public static class TestData
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>A session as a chat backend in another language would write it: plain camelCase JSON.</summary>
    public static string Json(SessionEnded session) => JsonSerializer.Serialize(session, Web);

    public static SessionsDbContext Open(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<SessionsDbContext>();
        StorageProviders.Configure(builder, new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString });
        return new SessionsDbContext(builder.Options);
    }
}
