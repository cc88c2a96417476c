using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sessions.ServiceDefaults;
using Sessions.Storage;
using Sessions.Storage.Entities;

namespace Sessions.Admin.Status;

/// <summary>The sources <c>status</c> asks: the database, RabbitMQ's management API, and each service's health endpoint.</summary>
public static class StatusSources
{
    public static StatusSource Database(IDbContextFactory<SessionsDbContext> databases) => new("database", async ct =>
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var sessions = await db.Sessions.GroupBy(s => new { s.ModelName, s.Status }).Select(g => new { model = g.Key.ModelName, status = g.Key.Status, count = g.Count() }).ToListAsync(ct);
        var examples = await db.Examples.GroupBy(e => new { e.ModelName, e.Status }).Select(g => new { model = g.Key.ModelName, status = g.Key.Status, count = g.Count() }).ToListAsync(ct);
        var lastRun = await db.TrainingRuns.OrderByDescending(r => r.CreatedAt)
            .Select(r => new { id = r.Id, model = r.ModelName, status = r.Status, version = r.ModelVersion, metrics = r.MetricsJson, error = r.Error, createdAt = r.CreatedAt })
            .FirstOrDefaultAsync(ct);
        var active = await db.TrainingRuns.CountAsync(r => r.Status == TrainingRunStatus.Queued || r.Status == TrainingRunStatus.Running, ct);
        // The embedding backfill's progress: contributed examples committed without vectors that it has still to embed.
        var embeddingsPending = await db.Examples.CountAsync(e => e.EmbeddingsPending, ct);
        return new { sessions, examples, embeddingsPending, activeRuns = active, lastRun };
    });

    public static StatusSource RabbitMq(HttpClient http, RabbitMqOptions rabbit, int managementPort) => new("rabbitmq", async ct =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"http://{rabbit.Host}:{managementPort}/api/queues/{Uri.EscapeDataString(rabbit.VirtualHost)}?columns=name,messages,messages_ready,messages_unacknowledged,consumers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{rabbit.Username}:{rabbit.Password}")));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"management API answered HTTP {(int)response.StatusCode} — is the rabbitmq_management plugin enabled?");
        }

        var queues = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsArray();
        return queues.Select(q => new
        {
            name = q!["name"]!.GetValue<string>(),
            messages = q["messages"]?.GetValue<long>() ?? 0,
            consumers = q["consumers"]?.GetValue<long>() ?? 0,
        }).Where(q => !q.name.StartsWith("amq.", StringComparison.Ordinal)).ToList();
    });

    public static StatusSource Health(HttpClient http, string name, Uri url) => new($"health:{name}", async ct =>
    {
        using var response = await http.GetAsync(url, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{url} answered HTTP {(int)response.StatusCode}: {body}");
        }

        return new { url = url.ToString(), status = body };
    });
}
