using System.Diagnostics;

namespace Sessions.Admin.Status;

/// <summary>Asks every source at once, each under its own timeout; a source that fails or is slow is reported as such and the rest still show.</summary>
public static class StatusGatherer
{
    public static async Task<StatusReport> GatherAsync(IEnumerable<StatusSource> sources, TimeSpan timeout, CancellationToken ct)
    {
        var results = await Task.WhenAll(sources.Select(source => AskAsync(source, timeout, ct)));
        return new StatusReport(results);
    }

    private static async Task<SourceStatus> AskAsync(StatusSource source, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            // WaitAsync also bounds a source that ignores its token.
            var data = await source.Gather(limit.Token).WaitAsync(limit.Token);
            return new SourceStatus(source.Name, true, clock.Elapsed.TotalMilliseconds, null, data);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SourceStatus(source.Name, false, clock.Elapsed.TotalMilliseconds, $"no answer within {timeout.TotalSeconds:0.#} s", null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SourceStatus(source.Name, false, clock.Elapsed.TotalMilliseconds, ex.Message, null);
        }
    }
}
