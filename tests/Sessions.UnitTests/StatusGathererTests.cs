using Sessions.Admin.Status;

namespace Sessions.UnitTests;

public class StatusGathererTests
{
    [Fact]
    public async Task A_failing_and_a_hanging_source_are_reported_and_the_rest_still_shows()
    {
        var hang = new TaskCompletionSource<object>();
        var sources = new[]
        {
            new StatusSource("fast", _ => Task.FromResult<object>(new { ok = true })),
            new StatusSource("broken", _ => throw new InvalidOperationException("no route to host")),
            new StatusSource("hanging", _ => hang.Task), // ignores its token on purpose
            new StatusSource("also-fast", _ => Task.FromResult<object>(42)),
        };

        var report = await StatusGatherer.GatherAsync(sources, TimeSpan.FromMilliseconds(200), default);

        Assert.Equal(["fast", "broken", "hanging", "also-fast"], report.Sources.Select(s => s.Name));
        Assert.Equal([true, false, false, true], report.Sources.Select(s => s.Answered));
        Assert.Equal("no route to host", report.Sources[1].Error);
        Assert.Contains("no answer within 0.2 s", report.Sources[2].Error);
        Assert.Equal(0.5, report.Quality);
        Assert.Equal(42, report.Sources[3].Data);
    }

    [Fact]
    public async Task Sources_are_asked_at_once_not_one_after_another()
    {
        var started = 0;
        var allStarted = new TaskCompletionSource();
        StatusSource Waiting(string name) => new(name, async ct =>
        {
            if (Interlocked.Increment(ref started) == 3)
            {
                allStarted.SetResult();
            }

            await allStarted.Task.WaitAsync(ct); // completes only if all three run concurrently
            return name;
        });

        var report = await StatusGatherer.GatherAsync([Waiting("a"), Waiting("b"), Waiting("c")], TimeSpan.FromSeconds(10), default);

        Assert.Equal(1, report.Quality);
    }
}
