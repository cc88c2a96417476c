using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Sessions.Admin.Ingest;
using Sessions.Admin.Reporting;
using Sessions.Contracts;
using Sessions.Storage;
using Sessions.Storage.Entities;
using Spectre.Console;

namespace Sessions.AspireHost;

/// <summary>The main job: publish a file of sessions into the running pipeline, follow it to the end, print what happened.</summary>
public sealed class SampleIngestion(IBus bus, IDbContextFactory<SessionsDbContext> databases, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, byte> _finished = new();
    private int _rejectedWithoutId;
    private int _failed;
    private int _validated;
    private int _trainerDecisions;

    public async Task<int> RunAsync(string path, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            return await IngestAsync(path, timeout, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // SIGTERM or Ctrl+C: what was published stays published (the services finish or redeliver it); no summary.
            await Console.Error.WriteLineAsync($"stopped: {Finished} sessions had finished");
            return 130;
        }
    }

    private async Task<int> IngestAsync(string path, TimeSpan timeout, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"no such sessions file: {path}");
            return 1;
        }

        var since = clock.GetUtcNow().UtcDateTime;
        var lines = await SessionFile.ReadAsync(path, ct).ToListAsync(ct);
        var batch = IngestionBatch.Of(lines.Where(l => l.Session is not null).Select(l => l.Session!));
        var sessions = batch.ToPublish;
        var ids = sessions.Select(s => s.SessionId).Where(id => !string.IsNullOrWhiteSpace(id)).ToHashSet();

        var observer = bus.ConnectReceiveEndpoint($"sample-ingestion-{Guid.NewGuid():N}", e =>
        {
            e.Handler<ExamplesValidated>(c =>
            {
                Interlocked.Increment(ref _validated);
                return Finish(c.Message.SessionId);
            });
            // The trainer answers every ExamplesValidated with exactly one decision: queued (or joined) or skipped.
            e.Handler<TrainingQueued>(_ => Decided());
            e.Handler<TrainingSkipped>(_ => Decided());
            e.Handler<SessionRejected>(c =>
            {
                // A missing or invalid id is never stored, so the database cannot count it: counted here.
                if (!ids.Contains(c.Message.SessionId) || c.Message.Reasons.Any(r => r.Code is "missing_session_id" or "invalid_session_id"))
                {
                    Interlocked.Increment(ref _rejectedWithoutId);
                    return Task.CompletedTask;
                }

                return Finish(c.Message.SessionId);
            });
            // A session whose processing failed for good (a required source down, retries spent) ends in the error
            // queue; its fault ends the wait for it instead of the whole timeout.
            e.Handler<Fault<SessionEnded>>(c =>
            {
                Interlocked.Increment(ref _failed);
                return Finish(c.Message.Message.SessionId);
            });
        });
        await observer.Ready.WaitAsync(ct);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape($"sessions from {Path.GetFileName(path)}"), maxValue: sessions.Count);
                foreach (var session in sessions)
                {
                    await bus.Publish(session, deadline.Token);
                }

                while (Finished < sessions.Count)
                {
                    task.Value = Finished;
                    await Task.Delay(100, deadline.Token);
                }

                task.Value = sessions.Count;
                var training = progress.AddTask("training runs", maxValue: 1);
                while (Volatile.Read(ref _trainerDecisions) < Volatile.Read(ref _validated))
                {
                    await Task.Delay(100, deadline.Token);
                }

                await WaitForIdleTrainerAsync(deadline.Token);
                training.Value = 1;
            });
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"timed out after {timeout}: {Finished} of {sessions.Count} sessions finished");
            return 1;
        }
        finally
        {
            await observer.StopAsync(CancellationToken.None);
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var summary = await PipelineSummary.LoadAsync(db, ids, since, ct);
        SummaryView.Write(AnsiConsole.Console, summary, lines.Count(l => l.Session is null), _rejectedWithoutId,
            new IngestionCounts(batch.IdenticalRepeats, batch.ConflictingDuplicates, _failed));
        return summary.Runs.Any(r => r.Status == TrainingRunStatus.Failed) || _failed > 0 ? 1 : 0;
    }

    private int Finished => _finished.Count + _rejectedWithoutId;

    private Task Decided()
    {
        Interlocked.Increment(ref _trainerDecisions);
        return Task.CompletedTask;
    }

    private Task Finish(string sessionId)
    {
        if (!string.IsNullOrWhiteSpace(sessionId))
        {
            _finished.TryAdd(sessionId, 0);
        }

        return Task.CompletedTask;
    }

    private async Task WaitForIdleTrainerAsync(CancellationToken ct)
    {
        while (true)
        {
            await using var db = await databases.CreateDbContextAsync(ct);
            var active = await db.TrainingRuns.AnyAsync(r => r.Status == TrainingRunStatus.Queued || r.Status == TrainingRunStatus.Running, ct);
            if (!active)
            {
                return;
            }

            await Task.Delay(200, ct);
        }
    }
}
