using System.Collections.Concurrent;
using Sessions.Validator.Quality;

namespace Sessions.Validator.Validation;

/// <summary>
/// The stored counters of each model, kept for one statistics flush interval: they change only when some validator
/// flushes (once per interval), so reading the ~400 rows for every batch bought nothing.
/// </summary>
public sealed class StoredCountersCache(QualityOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, IReadOnlyDictionary<string, double> Counters)> _models = new(StringComparer.Ordinal);

    public async Task<Dictionary<string, double>> GetAsync(string model, Func<Task<Dictionary<string, double>>> read)
    {
        var now = clock.GetUtcNow();
        if (!_models.TryGetValue(model, out var cached) || now - cached.ReadAt >= options.StatisticsFlushInterval)
        {
            cached = (now, await read());
            _models[model] = cached;
        }

        return new Dictionary<string, double>(cached.Counters, StringComparer.Ordinal);
    }
}
