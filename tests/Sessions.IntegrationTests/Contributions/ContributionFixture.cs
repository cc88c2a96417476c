using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage;
using Sessions.Trainer;
using Sessions.Contributions;
using Sessions.Contributions.Backfill;

namespace Sessions.IntegrationTests.Contributions;

/// <summary>A migrated database, an import root folder, and the trainer's contribution services over them.</summary>
public sealed class ContributionFixture : IAsyncDisposable
{
    private ContributionFixture(TestDatabase database, ServiceProvider services, string root)
    {
        Database = database;
        Services = services;
        Root = root;
    }

    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public string Root { get; }

    public ContributedDataIntegration Integration => Services.GetRequiredService<ContributedDataIntegration>();
    public IntegrationRollback Rollback => Services.GetRequiredService<IntegrationRollback>();

    public static async Task<ContributionFixture> CreateAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var root = Directory.CreateTempSubdirectory("sessions-imports-").FullName;
        var settings = database.Settings;
        settings["Datasets:Import:ImportRoots:0"] = root;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSessionsStorage(configuration).AddContributionServices(configuration).BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(services);
        return new ContributionFixture(database, services, root);
    }

    public async Task<string> WriteAsync(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(Root, name);
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    public EmbeddingBackfill Backfill => Services.GetRequiredService<EmbeddingBackfill>();

    /// <summary>Imports <paramref name="source"/>; then, unless told not to, runs the embedding backfill until nothing waits (as the trainer's worker would).</summary>
    public async Task<IntegrationReport> ImportAsync(string source, string merge = "append", double? weight = null, bool dedupe = false, bool dryRun = false,
        Guid? id = null, bool backfill = true)
    {
        var report = await Integration.IntegrateAsync(new IntegrationRequest(id ?? Guid.NewGuid(), "default", source, MergeStrategy: merge, Weight: weight,
            Dedupe: dedupe, DryRun: dryRun, RequestedBy: "test"));
        while (backfill && (await Backfill.RunOnceAsync(CancellationToken.None)).Embedded > 0)
        {
        }

        return report;
    }

    public async Task<SessionsDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<SessionsDbContext>>().CreateDbContextAsync();

    /// <summary>Table counts and a hash of every example row: equal before and after means the data is exactly as it was.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = await DbAsync();
        var rows = await db.Examples.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.SessionId, e.ModelName, e.MessagesJson, e.ContentHash, e.TokenCount, e.Status, e.Origin, e.IntegrationId, e.MinHashSignature })
            .ToListAsync();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(rows))));
        return $"sessions={await db.Sessions.CountAsync()} examples={rows.Count} embeddings={await db.Embeddings.CountAsync()} " +
            $"bands={await db.NearDuplicateBands.CountAsync()} hash={hash}";
    }

    /// <summary>A chat row with a distinct user question and reply of about a dozen words each.</summary>
    public static string Row(int n, string topic = "garden") =>
        JsonSerializer.Serialize(new { messages = new[] { new { role = "user", content = Question(n, topic) }, new { role = "assistant", content = Answer(n, topic) } } });

    public static string Question(int n, string topic) => $"question {n} about the {topic}: how do I plan the {Words[n % Words.Length]} and the {Words[(n * 7 + 3) % Words.Length]} for week {n}?";

    public static string Answer(int n, string topic) => $"answer {n}: start the {topic} with {Words[(n * 3 + 1) % Words.Length]}, then add {Words[(n * 5 + 2) % Words.Length]} in week {n + 1}.";

    private static readonly string[] Words = ["tomatoes", "compost", "sunlight", "irrigation", "mulch", "seedlings", "fences", "roses", "soil tests", "pruning", "herbs"];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
