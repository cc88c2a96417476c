using Microsoft.EntityFrameworkCore;
using Sessions.IntegrationTests.Infrastructure;
using Sessions.Storage.Entities;

namespace Sessions.IntegrationTests.Faults;

/// <summary>Waits for a fault test's stream to settle and checks the exact outcome against the generator's verdicts.</summary>
public static class PipelineDrain
{
    public static readonly string[] Queues = ["session-ended", "session-processed", "examples-validated"];

    /// <summary>Every session stored, no example pending, and the pipeline queues (on the shared RabbitMQ unless given a node) empty.</summary>
    public static async Task UntilSettledAsync(string vhost, TestDatabase database, int sessions, TimeSpan timeout, ServiceFleet fleet, RabbitNode? node = null)
    {
        try
        {
            await SettledAsync(vhost, database, sessions, timeout, node);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"{ex.Message}\nstate: {await StateAsync(vhost, database, node)}\nservice output (tail):\n{Tail(fleet.Output)}", ex);
        }
    }

    private static Task SettledAsync(string vhost, TestDatabase database, int sessions, TimeSpan timeout, RabbitNode? node) =>
        Eventually.Until(async () =>
        {
            await using var db = TestData.Open(database);
            if (await db.Sessions.CountAsync() < sessions || await db.Examples.AnyAsync(e => e.Status == ExampleStatus.Pending))
            {
                return false;
            }

            foreach (var queue in Queues)
            {
                if ((await TestServers.QueueAsync(vhost, queue, node)).Messages > 0)
                {
                    return false;
                }
            }

            return true;
        }, timeout, "every session stored, every example validated and the queues drained");

    public static async Task AssertExactAsync(TestDatabase database, GeneratedStream stream)
    {
        await using var db = TestData.Open(database);
        var stored = await db.Sessions.Select(s => new { s.SessionId, s.Status, s.RejectionReasonsJson, s.ExampleCount }).ToListAsync();
        Assert.Equal(stream.Expected.Count, stored.Count);
        foreach (var session in stored)
        {
            var expected = stream.Expected[session.SessionId];
            if (expected == "accepted")
            {
                Assert.Equal(SessionStatus.Accepted, session.Status);
            }
            else
            {
                Assert.True(session.Status == SessionStatus.Rejected && session.RejectionReasonsJson!.Contains(expected),
                    $"{session.SessionId} expected {expected}, got {session.Status} {session.RejectionReasonsJson}");
            }
        }

        // Examples exactly once: the originals match what each session recorded, and none waits for validation.
        var originals = await db.Examples.CountAsync(e => e.Variant == 0 && e.Origin == ExampleOrigin.Session);
        Assert.Equal(stored.Sum(s => s.ExampleCount), originals);
        Assert.True(stored.Where(s => s.Status == SessionStatus.Accepted).All(s => s.ExampleCount > 0));
        Assert.Equal(0, await db.Examples.CountAsync(e => e.Status == ExampleStatus.Pending));
    }

    private static async Task<string> StateAsync(string vhost, TestDatabase database, RabbitNode? node)
    {
        await using var db = TestData.Open(database);
        var queues = new List<string>();
        foreach (var queue in Queues)
        {
            queues.Add($"{queue}={(await TestServers.QueueAsync(vhost, queue, node)).Messages} error={(await TestServers.QueueAsync(vhost, queue + "_error", node)).Messages}");
        }

        return $"sessions={await db.Sessions.CountAsync()} pending examples={await db.Examples.CountAsync(e => e.Status == ExampleStatus.Pending)} {string.Join(", ", queues)}";
    }

    public static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;
}
